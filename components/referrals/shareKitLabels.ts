import type { LabelsOf } from '../labels.js';
import type { sharedLabels } from '../shared/sharedLabels.js';

/**
 * The English strings of ShareKit (issue 12).
 * Keys and placeholders as in `PodiumLabels`; every locale pack translates them.
 */
export const shareKitLabels = {
  shareKitTitle: 'Invite friends',
  shareKitSubtitle: 'Share your link. Everyone who joins through it counts as your referral.',
  shareKitNoCreator: 'No community chosen: pass a creator id to show a referral link.',
  shareKitLoading: 'Loading your referral link…',
  shareKitNotMemberTitle: 'You are not a member yet',
  shareKitNotMemberHint: 'Join this community to get your personal referral link.',
  shareKitErrorTitle: 'Could not load your referral link',
  shareKitEarned: 'Earned',
  shareKitReferrals: 'Friends joined',
  shareKitLinkLabel: 'Your referral link',
  shareKitCopy: 'Copy link',
  shareKitCopied: 'Copied',
  shareKitCopiedAnnouncement: 'Link copied to the clipboard.',
  shareKitCopyFailed: 'Could not copy. Select the link and copy it yourself.',
  shareKitPlatformsLabel: 'Share on',
  shareKitShareOn: 'Share on {platform}',
  shareKitPlatformX: 'X',
  shareKitPlatformFacebook: 'Facebook',
  shareKitPlatformLinkedin: 'LinkedIn',
  shareKitPlatformWhatsapp: 'WhatsApp',
  shareKitPlatformTelegram: 'Telegram',
  shareKitPlatformReddit: 'Reddit',
  shareKitPlatformEmail: 'Email',
  shareKitPlatformSms: 'SMS',
  shareKitQrShow: 'Show QR code',
  shareKitQrHide: 'Hide QR code',
  shareKitQrLoading: 'Making the QR code…',
  shareKitQrAlt: 'QR code of your referral link',
  shareKitQrFailed: 'Could not make the QR code.',
  shareKitDownloadPng: 'Download PNG',
  shareKitDownloadSvg: 'Download SVG',
  shareKitNativeShare: 'More options',
  shareKitMessage: 'Come and join me: {link}',
  shareKitMessageCommunity: 'Join me in {community}: {link}',
};

/** What ShareKit and its parts read: the shared strings and these. */
export type ShareKitLabels = LabelsOf<[typeof sharedLabels, typeof shareKitLabels]>;
