import type { TemplatePlatform } from './platforms.js';

/** The tone of a template; the selector shows them as colour-coded badges. */
export const templateCategories = [
  'casual',
  'professional',
  'excited',
  'testimonial',
  'urgency',
  'value',
  'social-proof',
] as const;
export type TemplateCategory = (typeof templateCategories)[number];

/** The placeholders a template may use, written `{name}`; any other `{word}` is an error. */
export const templatePlaceholders = ['name', 'link', 'community', 'earnings', 'referrals'] as const;
export type TemplatePlaceholder = (typeof templatePlaceholders)[number];

/** A pre-written share message. */
export interface MessageTemplate {
  /** Stable, kebab-case (`x-casual`): share tracking records it, so it never changes meaning. */
  id: string;
  platform: TemplatePlatform;
  category: TemplateCategory;
  /**
   * The message, with placeholders. For Reddit it is the post title: a link submission carries
   * only a title and the link, so Reddit templates have no `{link}`.
   */
  text: string;
  /** Email only: the subject line, with placeholders. */
  subject?: string;
}

/** The values a template is filled with; only those its placeholders use are required. */
export interface TemplateVariables {
  /** The member's display name. */
  name?: string;
  /** The member's referral link (for a share, the tracked link `POST /shares` answers). */
  link?: string;
  /** The community's name. */
  community?: string;
  /** The member's referral earnings, in `currency` units (formatted with `Intl`). */
  earnings?: number;
  /** How many people the member has referred (formatted with `Intl`). */
  referrals?: number;
}
