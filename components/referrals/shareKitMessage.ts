import { fillTemplate } from '../../src/referrals/fillTemplate.js';
import { messageTemplates } from '../../src/referrals/messageTemplates.js';
import type { SharePlatform } from '../../src/referrals/platforms.js';
import { templatePlaceholders, type TemplateVariables } from '../../src/referrals/templateFormat.js';

/** A template chosen for a share, before the tracked link is known. */
export interface ShareKitTemplatePick {
  templateId: string;
  /** The message and (email) subject, filled with the tracked link. */
  fill: (link: string) => { text: string; title?: string };
}

/**
 * The default message of a platform: the library's first template for it whose placeholders the
 * kit can fill (`{community}` only when the host named the community, `{earnings}` and
 * `{referrals}` only when given), or `null` when none fits. ShareKit loads this module with a
 * dynamic import when a share button is clicked, so the 31 templates stay out of the first load.
 */
export function shareKitTemplate(
  platform: SharePlatform,
  vars: Omit<TemplateVariables, 'link'>,
  options: { locale: string; currency?: string },
): ShareKitTemplatePick | null {
  const known = (key: string) => key === 'link' || (vars as Record<string, unknown>)[key] != null;
  const template = messageTemplates.find(
    (candidate) =>
      candidate.platform === platform &&
      templatePlaceholders.every(
        (key) => known(key) || !`${candidate.text}${candidate.subject ?? ''}`.includes(`{${key}}`),
      ),
  );
  if (!template) return null;
  return {
    templateId: template.id,
    fill: (link) => {
      const filled = fillTemplate(template, { ...vars, link }, options);
      return { text: filled.text, title: filled.subject };
    },
  };
}
