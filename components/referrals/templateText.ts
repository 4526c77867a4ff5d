import type { TemplatePlatform } from '../../src/referrals/platforms.js';
import type { TemplateCategory, TemplatePlaceholder } from '../../src/referrals/templateFormat.js';
import type { TemplateSelectorLabels } from './templateSelectorLabels.js';

const platformKeys: Record<TemplatePlatform, keyof TemplateSelectorLabels> = {
  x: 'templateSelectorPlatformX',
  facebook: 'templateSelectorPlatformFacebook',
  linkedin: 'templateSelectorPlatformLinkedin',
  whatsapp: 'templateSelectorPlatformWhatsapp',
  telegram: 'templateSelectorPlatformTelegram',
  discord: 'templateSelectorPlatformDiscord',
  slack: 'templateSelectorPlatformSlack',
  reddit: 'templateSelectorPlatformReddit',
  email: 'templateSelectorPlatformEmail',
  sms: 'templateSelectorPlatformSms',
};

const categoryKeys: Record<TemplateCategory, keyof TemplateSelectorLabels> = {
  casual: 'templateSelectorCategoryCasual',
  professional: 'templateSelectorCategoryProfessional',
  excited: 'templateSelectorCategoryExcited',
  testimonial: 'templateSelectorCategoryTestimonial',
  urgency: 'templateSelectorCategoryUrgency',
  value: 'templateSelectorCategoryValue',
  'social-proof': 'templateSelectorCategorySocialProof',
};

const variableKeys: Record<TemplatePlaceholder, keyof TemplateSelectorLabels> = {
  name: 'templateSelectorVariableName',
  link: 'templateSelectorVariableLink',
  community: 'templateSelectorVariableCommunity',
  earnings: 'templateSelectorVariableEarnings',
  referrals: 'templateSelectorVariableReferrals',
};

const listFormats = new Map<string, Intl.ListFormat>();

/** The words the selector shows for platforms, tones and template variables, from the labels. */
export const templateText = {
  platform: (labels: TemplateSelectorLabels, platform: TemplatePlatform) => labels[platformKeys[platform]],
  category: (labels: TemplateSelectorLabels, category: TemplateCategory) => labels[categoryKeys[category]],
  variable: (labels: TemplateSelectorLabels, key: TemplatePlaceholder) => labels[variableKeys[key]],
  /** "your earnings and your referral count", in the locale's words. */
  variables(labels: TemplateSelectorLabels, keys: readonly TemplatePlaceholder[], locale: string): string {
    let list = listFormats.get(locale);
    if (!list) {
      try {
        list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
      } catch {
        // A malformed locale from the host must not take the widget down.
        list = new Intl.ListFormat('en-US', { style: 'long', type: 'conjunction' });
      }
      if (listFormats.size > 50) listFormats.clear();
      listFormats.set(locale, list);
    }
    return list.format(keys.map((key) => labels[variableKeys[key]]));
  },
};
