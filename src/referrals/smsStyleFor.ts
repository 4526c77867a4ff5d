/**
 * The two shapes of an `sms:` link with a pre-filled message. RFC 5724 and Android use
 * `sms:?body=`; Apple's Messages (iOS 8 and later, and macOS) reads the body only from
 * `sms:&body=`. Neither platform understands the other's form reliably, so the link is built for
 * the device that opens it.
 */
export type SmsStyle = 'android' | 'ios';

/**
 * The SMS link style for the device described by `userAgent`. Call it when the user clicks, with
 * `navigator.userAgent`, never during render: the server renders without a user agent, and a
 * style chosen there would be wrong on half the devices.
 *
 * Apple devices (iPhone, iPod, iPad, and iPadOS in desktop mode, which reports itself as a Mac)
 * get `'ios'`; everything else gets the standard form, `'android'`.
 */
export function smsStyleFor(userAgent: string): SmsStyle {
  return /iPhone|iPad|iPod|Macintosh|Mac OS X/i.test(userAgent) ? 'ios' : 'android';
}
