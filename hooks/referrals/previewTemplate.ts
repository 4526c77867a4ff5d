import { countCharacters, type CharacterCount } from '../../src/referrals/countCharacters.js';
import { fillTemplate, type FillTemplateOptions } from '../../src/referrals/fillTemplate.js';
import {
  templatePlaceholders,
  type MessageTemplate,
  type TemplatePlaceholder,
  type TemplateVariables,
} from '../../src/referrals/templateFormat.js';

/** A piece of a template's text: plain text, a filled placeholder, or one with no value. */
export type TemplateTextPart =
  | { kind: 'text'; text: string }
  | { kind: 'value'; placeholder: TemplatePlaceholder; text: string }
  | { kind: 'missing'; placeholder: TemplatePlaceholder };

/**
 * A template filled with a member's data, or why it cannot be:
 * - `ready`: `text` (and `subject`) filled, `count` against the platform's limit;
 * - `missing`: a placeholder it uses has no value (`missing` names them); `parts` lets a UI show
 *   the gap as a gap, never as a literal `{name}`;
 * - `invalid`: a value is unusable (a negative `referrals`, an unknown placeholder in a host's
 *   template); `message` says which.
 */
export type TemplatePreview =
  | {
      status: 'ready';
      template: MessageTemplate;
      text: string;
      subject?: string;
      count: CharacterCount;
    }
  | {
      status: 'missing';
      template: MessageTemplate;
      missing: TemplatePlaceholder[];
      parts: TemplateTextPart[];
    }
  | { status: 'invalid'; template: MessageTemplate; message: string };

const placeholderPattern = /\{([A-Za-z][\w-]*)\}/g;
const known = (key: string): key is TemplatePlaceholder =>
  (templatePlaceholders as readonly string[]).includes(key);

/** Same rule as `fillTemplate`: absent, or an empty string, is missing. */
function isMissing(vars: TemplateVariables, key: TemplatePlaceholder): boolean {
  const value = vars[key];
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The placeholders `text` uses that `vars` has no value for, in order of first use. */
function missingIn(text: string, vars: TemplateVariables, into: TemplatePlaceholder[]) {
  for (const [, key] of text.matchAll(placeholderPattern)) {
    if (known(key!) && isMissing(vars, key) && !into.includes(key)) into.push(key);
  }
}

/** The text cut at its placeholders, each filled when it has a value. */
function partsOf(text: string, vars: TemplateVariables, options: FillTemplateOptions): TemplateTextPart[] {
  const parts: TemplateTextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(placeholderPattern)) {
    const key = match[1]!;
    if (!known(key)) continue;
    if (match.index > last) parts.push({ kind: 'text', text: text.slice(last, match.index) });
    parts.push(
      isMissing(vars, key)
        ? { kind: 'missing', placeholder: key }
        : { kind: 'value', placeholder: key, text: fillTemplate(`{${key}}`, vars, options) },
    );
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/**
 * Fills `template` with `vars` and counts it the way its platform does, without throwing: a
 * missing variable or a bad value becomes a state a UI can show. Pure.
 */
export function previewTemplate(
  template: MessageTemplate,
  vars: TemplateVariables,
  options: Omit<FillTemplateOptions, 'platform'> = {},
): TemplatePreview {
  const missing: TemplatePlaceholder[] = [];
  if (template.subject !== undefined) missingIn(template.subject, vars, missing);
  missingIn(template.text, vars, missing);
  try {
    if (missing.length > 0) {
      const fillOptions = { ...options, platform: template.platform };
      return { status: 'missing', template, missing, parts: partsOf(template.text, vars, fillOptions) };
    }
    const filled = fillTemplate(template, vars, options);
    return {
      status: 'ready',
      template,
      text: filled.text,
      ...(filled.subject === undefined ? {} : { subject: filled.subject }),
      count: countCharacters(template.platform, filled.text),
    };
  } catch (error) {
    return { status: 'invalid', template, message: error instanceof Error ? error.message : String(error) };
  }
}
