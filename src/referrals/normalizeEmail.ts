/**
 * Providers whose mailboxes ignore a `+tag` (`ann+promo@…` reaches `ann@…`): Google (gmail.com,
 * googlemail.com), Microsoft (outlook.com, hotmail.com, live.com, msn.com), Apple (icloud.com,
 * me.com, mac.com), Proton (proton.me, protonmail.com, pm.me) and Fastmail. Yahoo is not here: it
 * uses `-` for its disposable addresses, which is also a legitimate character in names.
 */
export const plusTagProviders: readonly string[] = [
  'gmail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'fastmail.com',
];

/**
 * An e-mail address as one mailbox, so a member cannot make "new" referees from one inbox: lower
 * case and trimmed; googlemail.com becomes gmail.com and Gmail's dots are dropped (Gmail ignores
 * them); a `+tag` is dropped for the providers of {@link plusTagProviders}. Other addresses keep
 * their local part as written (lower-cased: a few servers tell case apart, none that matter here).
 */
export function normalizeEmail(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at <= 0) return address;
  let local = address.slice(0, at);
  let domain = address.slice(at + 1).replace(/\.+$/, '');
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (plusTagProviders.includes(domain)) local = local.replace(/\+.*$/, '');
  if (domain === 'gmail.com') local = local.replace(/\./g, '');
  return `${local}@${domain}`;
}
