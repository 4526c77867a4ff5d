import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../src/referrals/fillTemplate.js';
import { messageTemplates } from '../../src/referrals/messageTemplates.js';
import {
  templatePlaceholders,
  type MessageTemplate,
  type TemplateVariables,
} from '../../src/referrals/templateFormat.js';

const vars: Required<TemplateVariables> = {
  name: 'Alex',
  link: 'https://podium.example.com/r/K7XM2Q9P',
  community: 'Indie Makers',
  earnings: 1250,
  referrals: 1234,
};
const nbsp = '\u00a0';
const narrowNbsp = '\u202f';

describe('fillTemplate', () => {
  it('replaces every placeholder, as often as it appears', () => {
    expect(fillTemplate('{name} & {name} in {community}: {link} ({referrals}, {earnings})', vars)).toBe(
      'Alex & Alex in Indie Makers: https://podium.example.com/r/K7XM2Q9P (1,234, $1,250)',
    );
  });

  it('formats earnings as currency and referrals as a number in the locale given', () => {
    const text = '{earnings} / {referrals}';
    expect(fillTemplate(text, { earnings: 1250.5, referrals: 1234 })).toBe('$1,250.50 / 1,234');
    expect(
      fillTemplate(text, { earnings: 1250.5, referrals: 1234 }, { locale: 'de-DE', currency: 'EUR' }),
    ).toBe(`1.250,50${nbsp}€ / 1.234`);
    expect(
      fillTemplate(text, { earnings: 1250, referrals: 1234 }, { locale: 'fr-FR', currency: 'EUR' }),
    ).toBe(`1${narrowNbsp}250${nbsp}€ / 1${narrowNbsp}234`);
    // CLDR has written the yen both as ¥ and as fullwidth ￥ for ja-JP: whatever this runtime's Intl says.
    const yen = new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' }).format(1250);
    expect(fillTemplate(text, { earnings: 1250, referrals: 0 }, { locale: 'ja-JP', currency: 'JPY' })).toBe(
      `${yen} / 0`,
    );
    expect(fillTemplate('{earnings}', { earnings: 12_345_678 }, { locale: 'en-IN', currency: 'INR' })).toBe(
      '₹1,23,45,678',
    );
  });

  it('writes whole amounts without decimals and others with the currency’s own', () => {
    expect(fillTemplate('{earnings}', { earnings: 40 })).toBe('$40');
    expect(fillTemplate('{earnings}', { earnings: 40.1 })).toBe('$40.10');
    expect(fillTemplate('{earnings}', { earnings: 0.5 }, { currency: 'JPY' })).toBe('¥1');
  });

  it('fills a template’s text and subject and answers a copy', () => {
    const template: MessageTemplate = {
      id: 'email-test',
      platform: 'email',
      category: 'casual',
      subject: '{name} invited you to {community}',
      text: 'Join me: {link}',
    };
    expect(fillTemplate(template, vars)).toEqual({
      ...template,
      subject: 'Alex invited you to Indie Makers',
      text: 'Join me: https://podium.example.com/r/K7XM2Q9P',
    });
    expect(template.text).toBe('Join me: {link}');
  });

  it('keeps SMS in GSM-7: plain spaces for Intl’s no-break spaces, ¥ for the fullwidth yen', () => {
    const sms: MessageTemplate = {
      id: 'sms-test',
      platform: 'sms',
      category: 'value',
      text: '{earnings} {referrals}',
    };
    expect(
      fillTemplate(sms, { earnings: 1250, referrals: 1234 }, { locale: 'fr-FR', currency: 'EUR' }).text,
    ).toBe('1 250 € 1 234');
    expect(
      fillTemplate(sms, { earnings: 1250, referrals: 1 }, { locale: 'ja-JP', currency: 'JPY' }).text,
    ).toBe('¥1,250 1');
    expect(
      fillTemplate('{earnings}', { earnings: 1 }, { locale: 'fr-FR', currency: 'EUR', platform: 'sms' }),
    ).toBe('1 €');
  });

  it('names a missing variable, and the template', () => {
    expect(() => fillTemplate('Hi {name}', {})).toThrow(
      'fillTemplate: the text needs {name}, and no name was given',
    );
    const template = messageTemplates.find((t) => t.id === 'facebook-testimonial')!;
    expect(() => fillTemplate(template, { ...vars, earnings: undefined })).toThrow(
      'fillTemplate: template "facebook-testimonial" needs {earnings}, and no earnings was given',
    );
  });

  it('counts an empty name, link or community as missing', () => {
    expect(() => fillTemplate('Hi {name}', { name: '  ' })).toThrow(/needs \{name\}/);
    expect(() => fillTemplate('{link}', { link: '' })).toThrow(/needs \{link\}/);
  });

  it('refuses unknown placeholders, even when the known ones are all given', () => {
    expect(() => fillTemplate('Hi {nmae}', vars)).toThrow(
      /unknown placeholder \{nmae\} \(known: \{name\}, \{link\}/,
    );
    expect(() => fillTemplate('{Name}', vars)).toThrow(/unknown placeholder \{Name\}/);
  });

  it('leaves braces that are not placeholders alone', () => {
    expect(fillTemplate('{ name } {} {1} {name}', vars)).toBe('{ name } {} {1} Alex');
  });

  it('refuses numbers that are not amounts or counts', () => {
    expect(() => fillTemplate('{earnings}', { earnings: Number.NaN })).toThrow(
      /earnings must be a finite number/,
    );
    expect(() => fillTemplate('{referrals}', { referrals: 1.5 })).toThrow(/referrals must be a whole number/);
    expect(() => fillTemplate('{referrals}', { referrals: -1 })).toThrow(/referrals must be a whole number/);
    expect(() => fillTemplate('{earnings}', { earnings: 1 }, { currency: 'dollars' })).toThrow(/ISO 4217/);
  });

  it('inserts values once: a value that looks like a placeholder is not expanded', () => {
    expect(fillTemplate('{name}: {link}', { name: '{link}', link: 'https://a.co/' })).toBe(
      '{link}: https://a.co/',
    );
  });

  it('never leaves a placeholder in a filled message (property)', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 12 }).map((text) => text.replace(/[{}]/g, '')),
      fc.constantFrom(...templatePlaceholders).map((key) => `{${key}}`),
    );
    const value = fc
      .string({ minLength: 1, maxLength: 20 })
      .filter((text) => text.trim() !== '' && !/[{}]/.test(text));
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 12 }),
        fc.record({
          name: value,
          link: value,
          community: value,
          earnings: fc.double({ min: -1e9, max: 1e9, noNaN: true }),
          referrals: fc.nat(),
        }),
        fc.constantFrom('en-US', 'de-DE', 'ar-EG', 'hi-IN'),
        (pieces, values, locale) => {
          const filled = fillTemplate(pieces.join(''), values, { locale });
          expect(filled).not.toMatch(/\{[A-Za-z][\w-]*\}/);
        },
      ),
    );
  });

  it('fills every library template with every variable given', () => {
    for (const template of messageTemplates) {
      const filled = fillTemplate(template, vars);
      expect(`${filled.text} ${filled.subject ?? ''}`, template.id).not.toMatch(/[{}]/);
    }
  });
});
