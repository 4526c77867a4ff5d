/**
 * The best-known disposable-address providers, curated: a short list on purpose. This module is
 * in the core, which browsers load, and the maintained lists on npm run to thousands or tens of
 * thousands of domains, too much to ship to every visitor for one fraud signal worth 25 points.
 * A host that wants a longer list passes it as `disposableEmail.extraDomains` in its fraud rules
 * (`PODIUM_FRAUD_RULES`), which only the server reads.
 */
export const disposableEmailDomains: readonly string[] = [
  '10minutemail.com',
  '10minutemail.net',
  '20minutemail.com',
  'anonbox.net',
  'burnermail.io',
  'discard.email',
  'dispostable.com',
  'dropmail.me',
  'emailondeck.com',
  'fakeinbox.com',
  'fakemail.net',
  'getairmail.com',
  'getnada.com',
  'guerrillamail.biz',
  'guerrillamail.com',
  'guerrillamail.de',
  'guerrillamail.info',
  'guerrillamail.net',
  'guerrillamail.org',
  'guerrillamailblock.com',
  'harakirimail.com',
  'incognitomail.org',
  'jetable.org',
  'mailcatch.com',
  'maildrop.cc',
  'mailinator.com',
  'mailinator.net',
  'mailnesia.com',
  'mailsac.com',
  'mintemail.com',
  'mohmal.com',
  'mytemp.email',
  'nada.email',
  'sharklasers.com',
  'spam4.me',
  'spambox.us',
  'spamgourmet.com',
  'temp-mail.io',
  'temp-mail.org',
  'tempail.com',
  'tempmail.com',
  'tempmail.net',
  'tempmailo.com',
  'tempr.email',
  'throwawaymail.com',
  'trashmail.com',
  'trashmail.de',
  'trashmail.net',
  'yopmail.com',
  'yopmail.fr',
  'yopmail.net',
];

/**
 * True when `email` is at a disposable-address provider: its domain, or a parent domain of it,
 * is in {@link disposableEmailDomains} or `extraDomains` (lower case; a set for a long list).
 */
export function isDisposableEmail(
  email: string,
  extraDomains: readonly string[] | ReadonlySet<string> = [],
): boolean {
  const isExtra = (domain: string) =>
    'has' in extraDomains ? extraDomains.has(domain) : extraDomains.includes(domain);
  const domain = email
    .trim()
    .toLowerCase()
    .slice(email.trim().lastIndexOf('@') + 1)
    .replace(/\.+$/, '');
  if (!domain) return false;
  const labels = domain.split('.');
  for (let i = 0; i < labels.length - 1; i += 1) {
    const candidate = labels.slice(i).join('.');
    if (disposableEmailDomains.includes(candidate) || isExtra(candidate)) return true;
  }
  return false;
}
