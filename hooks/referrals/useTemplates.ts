import { useMemo } from 'react';
import { messageTemplates } from '../../src/referrals/messageTemplates.js';
import { templatePlatforms, type TemplatePlatform } from '../../src/referrals/platforms.js';
import {
  templateCategories,
  type MessageTemplate,
  type TemplateCategory,
  type TemplateVariables,
} from '../../src/referrals/templateFormat.js';
import { previewTemplate, type TemplatePreview } from './previewTemplate.js';

export interface UseTemplatesOptions {
  /** Only this platform's templates; absent for every platform. */
  platform?: TemplatePlatform;
  /** Only this tone; absent (or `null`) for every tone. */
  category?: TemplateCategory | null;
  /**
   * The host's own templates, listed before the built-in ones; one with a built-in template's
   * `id` replaces it. Keep the array stable (a constant or `useMemo`): it is a memo dependency.
   */
  templates?: readonly MessageTemplate[];
  /** Leave out the built-in library and list only `templates`. @default true */
  includeBuiltIn?: boolean;
  /** The template to preview, by id; one that is not in the filtered list previews nothing. */
  selectedId?: string | null;
  /** The member's data the templates are filled with. */
  variables?: TemplateVariables;
  /** Numbers and `earnings` are written in this locale. @default 'en-US' */
  locale?: string;
  /** The ISO 4217 currency of `earnings`. @default 'USD' */
  currency?: string;
}

/** One listed template with its preview. */
export interface TemplateItem {
  template: MessageTemplate;
  preview: TemplatePreview;
}

export interface UseTemplatesResult {
  /** Every template (host and built-in), unfiltered. */
  all: readonly MessageTemplate[];
  /** The platforms with at least one template, in `templatePlatforms` order. */
  platforms: TemplatePlatform[];
  /** The tones `platform` has templates in (all tones' when no platform), in `templateCategories` order. */
  categories: TemplateCategory[];
  /** The templates matching `platform` and `category`, each with its preview. */
  items: TemplateItem[];
  /** The item of `selectedId`, when it is among `items`. */
  selected: TemplateItem | undefined;
}

const noTemplates: readonly MessageTemplate[] = [];

/**
 * Headless template browsing for a share UI: the built-in library merged with a host's own
 * templates, filtered by platform and tone, each filled with the member's data and counted
 * against its platform's limit (`countCharacters`: X's weighting, SMS parts). A template whose
 * data is missing previews as `missing`, naming what it needs, never with a literal `{name}`.
 * Pure (no requests) and memoised on its inputs' values.
 */
export function useTemplates(options: UseTemplatesOptions = {}): UseTemplatesResult {
  const {
    platform,
    category,
    templates: own = noTemplates,
    includeBuiltIn = true,
    selectedId,
    variables = {},
    locale = 'en-US',
    currency = 'USD',
  } = options;
  const { name, link, community, earnings, referrals } = variables;

  const all = useMemo(() => {
    if (!includeBuiltIn) return own;
    if (own.length === 0) return messageTemplates;
    const ids = new Set(own.map((template) => template.id));
    return [...own, ...messageTemplates.filter((template) => !ids.has(template.id))];
  }, [own, includeBuiltIn]);

  const platforms = useMemo(
    () => templatePlatforms.filter((p) => all.some((template) => template.platform === p)),
    [all],
  );

  const onPlatform = useMemo(
    () => (platform === undefined ? all : all.filter((template) => template.platform === platform)),
    [all, platform],
  );

  const categories = useMemo(
    () => templateCategories.filter((c) => onPlatform.some((template) => template.category === c)),
    [onPlatform],
  );

  const items = useMemo(() => {
    // Rebuilt from the fields, so a host passing a fresh `variables` object each render costs nothing.
    const vars: TemplateVariables = { name, link, community, earnings, referrals };
    return onPlatform
      .filter((template) => category == null || template.category === category)
      .map((template) => ({ template, preview: previewTemplate(template, vars, { locale, currency }) }));
  }, [onPlatform, category, name, link, community, earnings, referrals, locale, currency]);

  const selected = useMemo(
    () => (selectedId == null ? undefined : items.find((item) => item.template.id === selectedId)),
    [items, selectedId],
  );

  return { all, platforms, categories, items, selected };
}
