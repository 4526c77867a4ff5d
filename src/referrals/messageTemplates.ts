import type { MessageTemplate } from './templateFormat.js';

/**
 * The template library: 31 messages over ten platforms and seven tones, each written for its
 * platform's length and habits, every one tested to fit the platform's limit once filled:
 *
 * - X, SMS: short; SMS templates keep to GSM-7 (no emoji, no curly quotes) so a message holds 160
 *   characters rather than 70, and leave out `{name}` (the text comes from the member's own phone).
 * - Telegram: the link on a last line of its own, since the share link shows it above the text
 *   and {@link buildShareUrl} takes it out of the message.
 * - Reddit: a post title, without the link, which travels as the submission's URL.
 * - Email: a subject and a signed body.
 *
 * No template promises a reward the host may not give: the only numbers are the member's own.
 */
export const messageTemplates: readonly MessageTemplate[] = [
  // X (280 weighted: links 23, emoji 2)
  {
    id: 'x-casual',
    platform: 'x',
    category: 'casual',
    text: "Been spending a lot of time in {community} lately and it's genuinely good. Come hang out: {link}",
  },
  {
    id: 'x-excited',
    platform: 'x',
    category: 'excited',
    text: "Loving {community} right now! 🎉 If you've been curious, this is your sign to jump in 👉 {link}",
  },
  {
    id: 'x-social-proof',
    platform: 'x',
    category: 'social-proof',
    text: 'Friends I have brought into {community} so far: {referrals} 📈 Want to be next? {link}',
  },
  {
    id: 'x-urgency',
    platform: 'x',
    category: 'urgency',
    text: "Still on the fence about {community}? Today's a good day to start. Join with my link: {link}",
  },
  // Facebook (the share dialog takes no text: these are pasted into the post)
  {
    id: 'facebook-casual',
    platform: 'facebook',
    category: 'casual',
    text: "Hey friends! I've been part of {community} for a while now and I think some of you would love it too. Here's my invite link if you want to check it out: {link}",
  },
  {
    id: 'facebook-testimonial',
    platform: 'facebook',
    category: 'testimonial',
    text: "Honest review: joining {community} was one of the best decisions I made this year. I've learned a lot, met great people, and even earned {earnings} just by inviting friends. If that sounds like your kind of place, join through my link: {link}",
  },
  {
    id: 'facebook-value',
    platform: 'facebook',
    category: 'value',
    text: "Looking for a community that's actually worth your time? {community} is it: real people, practical help, and rewards for sharing (I've earned {earnings} so far). Join with my link: {link}",
  },
  // LinkedIn (pasted into the post; the share dialog shows the link's preview)
  {
    id: 'linkedin-professional',
    platform: 'linkedin',
    category: 'professional',
    text: "I've been a member of {community} and have found it a valuable place to learn from peers and share practical experience. If you're looking for a professional community in this space, you're welcome to join through my invitation: {link}",
  },
  {
    id: 'linkedin-testimonial',
    platform: 'linkedin',
    category: 'testimonial',
    text: "A recommendation: {community} has become one of the most useful communities I'm part of. The discussions are focused and the members are generous with their time. Colleagues I've invited so far: {referrals}, and the feedback has been consistently positive. Join here: {link}",
  },
  {
    id: 'linkedin-value',
    platform: 'linkedin',
    category: 'value',
    text: "Professional development doesn't have to be expensive. {community} gives you access to experienced practitioners, practical resources and an active network. Its referral programme has also earned me {earnings} so far. Learn more: {link}",
  },
  // WhatsApp
  {
    id: 'whatsapp-casual',
    platform: 'whatsapp',
    category: 'casual',
    text: "Hey! 👋 I'm in {community} and thought you'd like it. Here's my invite: {link}",
  },
  {
    id: 'whatsapp-urgency',
    platform: 'whatsapp',
    category: 'urgency',
    text: "Quick one before I forget: here's my invite to {community}. It takes a minute to join, so why not today? {link}",
  },
  {
    id: 'whatsapp-value',
    platform: 'whatsapp',
    category: 'value',
    text: "Thought of you! {community} has been really worth it for me (I've even earned {earnings} from referrals). Join with my link: {link}",
  },
  // Telegram (the link on its own last line: Telegram shows it above the text)
  {
    id: 'telegram-casual',
    platform: 'telegram',
    category: 'casual',
    text: "Hi! I'm part of {community} and I think you'd enjoy it too. Join with my invite link.\n{link}",
  },
  {
    id: 'telegram-excited',
    platform: 'telegram',
    category: 'excited',
    text: '{community} is buzzing right now 🔥 Come join me!\n{link}',
  },
  {
    id: 'telegram-social-proof',
    platform: 'telegram',
    category: 'social-proof',
    text: 'Friends I have invited to {community} so far: {referrals}. You could be next!\n{link}',
  },
  // Discord (copied and pasted)
  {
    id: 'discord-casual',
    platform: 'discord',
    category: 'casual',
    text: "hey all 👋 I'm part of {community} and it's been great. If anyone wants in, here's my invite: {link}",
  },
  {
    id: 'discord-excited',
    platform: 'discord',
    category: 'excited',
    text: "🚀 {community} is growing fast and it's been a blast. Jump in with my link: {link}",
  },
  {
    id: 'discord-social-proof',
    platform: 'discord',
    category: 'social-proof',
    text: '{community} keeps getting better. Friends I have invited so far: {referrals}. Want to be next? {link}',
  },
  // Slack (copied and pasted)
  {
    id: 'slack-professional',
    platform: 'slack',
    category: 'professional',
    text: "Sharing a resource: {community} has been helpful for me professionally. If it's relevant to your work, you can join with my invite link: {link}",
  },
  {
    id: 'slack-casual',
    platform: 'slack',
    category: 'casual',
    text: "Hey team! I've been enjoying {community} and thought some of you might too: {link}",
  },
  {
    id: 'slack-value',
    platform: 'slack',
    category: 'value',
    text: "FYI: {community} is one of the better places I've found for practical advice, and it's free to join. Worth a look: {link}",
  },
  // Reddit (the post title; the link is the submission's URL)
  {
    id: 'reddit-testimonial',
    platform: 'reddit',
    category: 'testimonial',
    text: 'My honest experience after joining {community}',
  },
  {
    id: 'reddit-value',
    platform: 'reddit',
    category: 'value',
    text: '{community}: practical help from people who have done it (invite link)',
  },
  {
    id: 'reddit-professional',
    platform: 'reddit',
    category: 'professional',
    text: 'Recommendation: {community} for anyone who wants to learn from practitioners',
  },
  // Email (subject and body)
  {
    id: 'email-professional',
    platform: 'email',
    category: 'professional',
    subject: 'An invitation to {community}',
    text: "Hi,\n\nI wanted to share {community} with you. It's a community I've found genuinely useful, and I think it would be a good fit for you as well.\n\nYou can join through my personal invitation link:\n{link}\n\nBest regards,\n{name}",
  },
  {
    id: 'email-casual',
    platform: 'email',
    category: 'casual',
    subject: '{name} invited you to {community}',
    text: "Hey!\n\nI've been spending time in {community} and thought you'd like it. Here's my invite link if you want to check it out:\n{link}\n\nSee you there,\n{name}",
  },
  {
    id: 'email-testimonial',
    platform: 'email',
    category: 'testimonial',
    subject: 'Why I recommend {community}',
    text: "Hi,\n\n{community} has been one of the best communities I've joined: helpful people, practical advice, and a referral programme that has paid me {earnings} so far.\n\nIf you'd like to see for yourself, here's my invite link:\n{link}\n\nCheers,\n{name}",
  },
  // SMS (GSM-7 only; one message with a tracked link)
  {
    id: 'sms-casual',
    platform: 'sms',
    category: 'casual',
    text: 'Hey! Join me in {community}: {link}',
  },
  {
    id: 'sms-urgency',
    platform: 'sms',
    category: 'urgency',
    text: 'Join {community} today with my link: {link}',
  },
  {
    id: 'sms-value',
    platform: 'sms',
    category: 'value',
    text: "{community} is worth it, I've earned {earnings}. Join: {link}",
  },
];
