import type { TemplatePlatform } from './platforms.js';
import {
  templatePlaceholders,
  type MessageTemplate,
  type TemplatePlaceholder,
  type TemplateVariables,
} from './templateFormat.js';

export interface FillTemplateOptions {
  /**
   * The locale numbers are written in (BCP 47), the provider's `locale` in the components.
   * @default 'en-US' (not the runtime's: the server and the browser must write the same message)
   */
  locale?: string;
  /**
   * The ISO 4217 currency `earnings` is in.
   * @default 'USD'
   */
  currency?: string;
  /** For a text given as a string: the platform it is for (a template carries its own). */
  platform?: TemplatePlatform;
}

/** `{word}`: a placeholder, known or not. Braces around anything else are left alone. */
const placeholderPattern = /\{([A-Za-z][\w-]*)\}/g;

const isPlaceholder = (key: string): key is TemplatePlaceholder =>
  (templatePlaceholders as readonly string[]).includes(key);

/**
 * The value of one placeholder, or an error naming it. A name, link or community that is empty
 * counts as missing: a message reading "Join me in : " is never what anyone meant to send.
 */
function valueOf(
  key: TemplatePlaceholder,
  vars: TemplateVariables,
  options: FillTemplateOptions,
  what: string,
): string {
  const value = vars[key];
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    throw new Error(`fillTemplate: ${what} needs {${key}}, and no ${key} was given`);
  }
  const locale = options.locale ?? 'en-US';
  switch (key) {
    case 'earnings': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new Error(`fillTemplate: earnings must be a finite number, got ${String(value)}`);
      }
      const currency = options.currency ?? 'USD';
      if (!/^[A-Za-z]{3}$/.test(currency)) {
        throw new Error(
          `fillTemplate: currency must be an ISO 4217 code such as "USD", got ${JSON.stringify(currency)}`,
        );
      }
      // Whole amounts without decimals ("$1,250", not "$1,250.00"); others with the currency's own.
      const whole = Number.isInteger(value) ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {};
      return new Intl.NumberFormat(locale, { style: 'currency', currency, ...whole }).format(value);
    }
    case 'referrals':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
        throw new Error(`fillTemplate: referrals must be a whole number of at least 0, got ${String(value)}`);
      }
      return new Intl.NumberFormat(locale).format(value);
    default:
      if (typeof value !== 'string')
        throw new Error(`fillTemplate: ${key} must be a string, got ${typeof value}`);
      return value;
  }
}

function fill(text: string, vars: TemplateVariables, options: FillTemplateOptions, what: string): string {
  for (const [, key] of text.matchAll(placeholderPattern)) {
    if (!isPlaceholder(key!)) {
      throw new Error(
        `fillTemplate: ${what} has an unknown placeholder {${key}} (known: ${templatePlaceholders.map((p) => `{${p}}`).join(', ')})`,
      );
    }
  }
  // One pass: a value that itself looks like `{link}` is inserted as it is, never expanded.
  return text.replace(placeholderPattern, (_match, key: TemplatePlaceholder) => {
    const value = valueOf(key, vars, options, what);
    // `Intl` separates with no-break spaces (fr-FR "1 250 €") and writes a fullwidth yen in
    // ja-JP; one of those turns a whole SMS into UCS-2, which holds 70 characters instead of 160.
    // A plain space and GSM-7's own ¥ read the same.
    return options.platform === 'sms'
      ? value.replace(/[\u00a0\u202f]/g, ' ').replace(/\uffe5/g, '\u00a5')
      : value;
  });
}

/**
 * Fills a template's placeholders (`{name}`, `{link}`, `{community}`, `{earnings}`,
 * `{referrals}`): `earnings` as a currency amount and `referrals` as a number, both with `Intl`
 * in `options.locale`. Given a {@link MessageTemplate}, fills its text and its subject and answers
 * a copy; given a string, answers the string.
 *
 * Throws an `Error` naming the placeholder when a variable the text uses is missing (or empty),
 * and for a placeholder that is not one of the five: a message never goes out with a literal
 * `{name}` in it. Values are inserted as they are, in one pass.
 */
export function fillTemplate(
  template: string,
  vars: TemplateVariables,
  options?: FillTemplateOptions,
): string;
export function fillTemplate(
  template: MessageTemplate,
  vars: TemplateVariables,
  options?: FillTemplateOptions,
): MessageTemplate;
export function fillTemplate(
  template: string | MessageTemplate,
  vars: TemplateVariables,
  options: FillTemplateOptions = {},
): string | MessageTemplate {
  if (typeof template === 'string') return fill(template, vars, options, 'the text');
  const what = `template "${template.id}"`;
  const withPlatform = { ...options, platform: template.platform };
  const filled: MessageTemplate = { ...template, text: fill(template.text, vars, withPlatform, what) };
  if (template.subject !== undefined)
    filled.subject = fill(template.subject, vars, withPlatform, `${what} (subject)`);
  return filled;
}
