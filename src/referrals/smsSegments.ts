import { smsLimits } from './characterLimits.js';

/** How a text travels as SMS: GSM-7 when every character is in the GSM 03.38 tables, else UCS-2. */
export type SmsEncoding = keyof typeof smsLimits;

/** The GSM 03.38 basic table (127 characters; the 128th code is the escape to the extension table). */
const gsmBasic =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** The extension table: each of these costs two septets (the escape, then the character). */
const gsmExtension = '\f^{}\\[~]|€';

export interface SmsSegments {
  encoding: SmsEncoding;
  /** Septets (GSM-7, extension characters counting 2) or UTF-16 code units (UCS-2). */
  units: number;
  /** Messages the text is sent as: 1 up to 160 / 70, then parts of 153 / 67; 0 for no text. */
  segments: number;
}

/**
 * The encoding, length and number of messages of an SMS text. One character outside GSM-7 (an
 * emoji, a curly quote, a no-break space from `Intl`) turns the whole text into UCS-2, which more
 * than halves what fits in one message. Parts are filled as phones fill them: an escape and its
 * character, or the two halves of a surrogate pair, are never split across two parts.
 */
export function smsSegments(text: string): SmsSegments {
  const septets: number[] = [];
  let gsm = true;
  for (const char of text) {
    if (gsmBasic.includes(char)) septets.push(1);
    else if (gsmExtension.includes(char)) septets.push(2);
    else {
      gsm = false;
      break;
    }
  }
  const encoding: SmsEncoding = gsm ? 'GSM-7' : 'UCS-2';
  const widths = gsm ? septets : Array.from(text, (char) => char.length);
  const units = widths.reduce((sum, width) => sum + width, 0);
  const { single, part } = smsLimits[encoding];
  if (units === 0) return { encoding, units, segments: 0 };
  if (units <= single) return { encoding, units, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const width of widths) {
    if (used + width > part) {
      segments += 1;
      used = 0;
    }
    used += width;
  }
  return { encoding, units, segments };
}
