import type { LabelsOf } from '../labels.js';
import type { sharedLabels } from '../shared/sharedLabels.js';

/**
 * The English strings of TemplateSelector (issue 12).
 * Keys and placeholders as in `PodiumLabels`; every locale pack translates them.
 */
export const templateSelectorLabels = {
  templateSelectorTitle: 'Share a message',
  templateSelectorSubtitle: 'Ready-made messages with your referral link for {community}.',
  templateSelectorLoading: 'Loading your referral link…',
  templateSelectorErrorTitle: 'Could not load your referral link',
  templateSelectorNotMemberTitle: 'You are not a member yet',
  templateSelectorNotMemberHint: 'Join {community} to get a referral link to share.',
  templateSelectorPlatforms: 'Platform',
  templateSelectorCategories: 'Tone',
  templateSelectorAllCategories: 'All',
  templateSelectorList: 'Messages',
  templateSelectorEmpty: 'No {platform} messages in this tone. Choose another tone.',
  templateSelectorPreview: 'Preview',
  templateSelectorSubject: 'Subject',
  /** The visible counter; `{count}` and `{limit}` are formatted by the locale. */
  templateSelectorCount: '{count} / {limit}',
  /** The counter for screen readers. */
  templateSelectorCountLabel: '{count} of {limit} characters',
  /** Under X's counter: why the count differs from the letters. */
  templateSelectorCountWeighted: 'Links count as 23, emoji as 2',
  templateSelectorSmsSegmentsOne: '{count} SMS',
  templateSelectorSmsSegmentsOther: '{count} SMS',
  templateSelectorSmsUnicode: 'Special characters: 70 per SMS',
  templateSelectorOverLimit: '{count} over the limit',
  /** Announced politely when the selected message goes over its platform's limit. */
  templateSelectorAnnounceOver: 'This message is {count} characters over the {platform} limit.',
  templateSelectorCopy: 'Copy',
  templateSelectorCopied: 'Copied',
  templateSelectorAnnounceCopied: 'Message copied to the clipboard.',
  templateSelectorCopyFailed: 'Could not copy. Select the message and copy it yourself.',
  templateSelectorShare: 'Share on {platform}',
  templateSelectorShareEmail: 'Send by email',
  templateSelectorShareSms: 'Send by SMS',
  templateSelectorSharing: 'Opening…',
  templateSelectorCopyOnly: '{platform} has no share link: copy the message and paste it there.',
  /** Facebook and LinkedIn share only the link; the share button copies the message too. */
  templateSelectorPasteHint:
    '{platform} does not take text: sharing also copies the message, so you can paste it into your post.',
  /** `{names}` lists what is missing in the locale's words (`templateSelectorVariable*`). */
  templateSelectorMissing: 'This message needs {names}, which is not available here. Choose another message.',
  templateSelectorMissingBadge: 'Needs {names}',
  templateSelectorInvalid: 'This message cannot be filled in.',
  templateSelectorVariableName: 'your name',
  templateSelectorVariableLink: 'your referral link',
  templateSelectorVariableCommunity: 'the community name',
  templateSelectorVariableEarnings: 'your earnings',
  templateSelectorVariableReferrals: 'your referral count',
  templateSelectorPlatformX: 'X',
  templateSelectorPlatformFacebook: 'Facebook',
  templateSelectorPlatformLinkedin: 'LinkedIn',
  templateSelectorPlatformWhatsapp: 'WhatsApp',
  templateSelectorPlatformTelegram: 'Telegram',
  templateSelectorPlatformDiscord: 'Discord',
  templateSelectorPlatformSlack: 'Slack',
  templateSelectorPlatformReddit: 'Reddit',
  templateSelectorPlatformEmail: 'Email',
  templateSelectorPlatformSms: 'SMS',
  templateSelectorCategoryCasual: 'Casual',
  templateSelectorCategoryProfessional: 'Professional',
  templateSelectorCategoryExcited: 'Excited',
  templateSelectorCategoryTestimonial: 'Testimonial',
  templateSelectorCategoryUrgency: 'Urgent',
  templateSelectorCategoryValue: 'Value',
  templateSelectorCategorySocialProof: 'Social proof',
};

/** What TemplateSelector and its parts read: the shared strings and these. */
export type TemplateSelectorLabels = LabelsOf<[typeof sharedLabels, typeof templateSelectorLabels]>;
