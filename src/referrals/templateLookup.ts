import { createSeededRandom } from '../shared/random.js';
import { messageTemplates } from './messageTemplates.js';
import type { TemplatePlatform } from './platforms.js';
import type { MessageTemplate, TemplateCategory } from './templateFormat.js';

/**
 * Lookups over a template list: the library by default, or a host's own list (its templates
 * follow the same {@link MessageTemplate} shape). Answers keep the list's order.
 */

/** The templates written for `platform`. */
export function getTemplatesByPlatform(
  platform: TemplatePlatform,
  templates: readonly MessageTemplate[] = messageTemplates,
): MessageTemplate[] {
  return templates.filter((template) => template.platform === platform);
}

/** The templates of one tone, across platforms. */
export function getTemplatesByCategory(
  category: TemplateCategory,
  templates: readonly MessageTemplate[] = messageTemplates,
): MessageTemplate[] {
  return templates.filter((template) => template.category === category);
}

export interface RandomTemplateOptions {
  /**
   * A seed for a repeatable pick: the same seed always answers the same template (stories,
   * tests, and a server render that the browser must match). Without one, `Math.random`.
   */
  seed?: number;
  /** Only templates of this tone. */
  category?: TemplateCategory;
  /** The list to pick from. @default messageTemplates */
  templates?: readonly MessageTemplate[];
}

/**
 * One template, for `platform` if given (and `category` if given), picked at random or, with a
 * seed, deterministically. Throws an `Error` when nothing matches.
 */
export function getRandomTemplate(
  platform?: TemplatePlatform,
  options: RandomTemplateOptions = {},
): MessageTemplate {
  const { seed, category, templates = messageTemplates } = options;
  const candidates = templates.filter(
    (template) =>
      (platform === undefined || template.platform === platform) &&
      (category === undefined || template.category === category),
  );
  if (candidates.length === 0) {
    const wanted = [
      platform && `platform ${JSON.stringify(platform)}`,
      category && `category ${JSON.stringify(category)}`,
    ];
    throw new Error(
      `getRandomTemplate: no template for ${wanted.filter(Boolean).join(' and ') || 'an empty list'}`,
    );
  }
  if (seed === undefined) return candidates[Math.floor(Math.random() * candidates.length)]!;
  return createSeededRandom(seed).pick(candidates);
}
