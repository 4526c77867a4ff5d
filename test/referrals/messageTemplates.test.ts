import { describe, expect, it } from 'vitest';
import { buildShareUrl } from '../../src/referrals/buildShareUrl.js';
import { countCharacters } from '../../src/referrals/countCharacters.js';
import { fillTemplate } from '../../src/referrals/fillTemplate.js';
import { messageTemplates } from '../../src/referrals/messageTemplates.js';
import { templatePlatforms } from '../../src/referrals/platforms.js';
import {
  templateCategories,
  templatePlaceholders,
  type TemplateVariables,
} from '../../src/referrals/templateFormat.js';

/** A tracked link as `POST /shares` answers it: public URL, code, platform, share id. */
const trackedLink = 'https://podium.example.com/api/r/K7XM2Q9P?p=sms&s=0f8e2c4a-9b1d-4e6f-8a3c-5d7b9e1f2a4c';

const typical: TemplateVariables = {
  name: 'Alex Morgan',
  community: 'Indie Makers Club',
  link: trackedLink,
  earnings: 1250,
  referrals: 12,
};
/** The long end of real values: a double-barrelled name, a long community name, big numbers. */
const long: TemplateVariables = {
  name: 'Alexandra Montgomery-Li',
  community: 'Indie Hackers Growth Collective',
  link: trackedLink,
  earnings: 123_456.78,
  referrals: 12_345,
};
const locales = [
  { locale: 'en-US', currency: 'USD' },
  { locale: 'de-DE', currency: 'EUR' },
  { locale: 'fr-FR', currency: 'EUR' },
  { locale: 'ja-JP', currency: 'JPY' },
  { locale: 'en-IN', currency: 'INR' },
];

describe('messageTemplates', () => {
  it('has at least 24 templates with unique, kebab-case ids', () => {
    expect(messageTemplates.length).toBeGreaterThanOrEqual(24);
    const ids = messageTemplates.map((template) => template.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('covers every platform at least twice and every category', () => {
    for (const platform of templatePlatforms) {
      expect(
        messageTemplates.filter((template) => template.platform === platform).length,
        platform,
      ).toBeGreaterThanOrEqual(2);
    }
    for (const category of templateCategories) {
      expect(
        messageTemplates.some((template) => template.category === category),
        category,
      ).toBe(true);
    }
  });

  it('uses only known placeholders, and links everywhere but in Reddit titles', () => {
    for (const template of messageTemplates) {
      const used = [...`${template.text} ${template.subject ?? ''}`.matchAll(/\{([^}]*)\}/g)].map(
        (match) => match[1],
      );
      for (const key of used) expect(templatePlaceholders, `${template.id} {${key}}`).toContain(key);
      expect(template.text.includes('{link}'), template.id).toBe(template.platform !== 'reddit');
    }
  });

  it('gives every email a subject, and only emails', () => {
    for (const template of messageTemplates) {
      expect(template.subject !== undefined, template.id).toBe(template.platform === 'email');
    }
  });

  it('puts the Telegram link on a last line of its own (the share link takes it out cleanly)', () => {
    for (const template of messageTemplates.filter((t) => t.platform === 'telegram')) {
      expect(template.text, template.id).toMatch(/\n\{link\}$/);
      const share = buildShareUrl('telegram', {
        url: trackedLink,
        text: fillTemplate(template, typical).text,
      });
      const text = new URL(share).searchParams.get('text')!;
      expect(text, template.id).not.toContain('http');
      expect(text, template.id).toMatch(/[.!?]$/);
    }
  });

  describe.each(locales)('filled with realistic values ($locale, $currency)', (options) => {
    it.each(messageTemplates.filter((t) => t.platform !== 'sms').map((t) => [t.id, t] as const))(
      '%s fits its platform, even with long values',
      (_id, template) => {
        for (const vars of [typical, long]) {
          const filled = fillTemplate(template, vars, options);
          const count = countCharacters(template.platform, filled.text);
          expect(count.over, `${filled.text} (${count.count}/${count.limit})`).toBe(false);
        }
      },
    );

    it.each(messageTemplates.filter((t) => t.platform === 'sms').map((t) => [t.id, t] as const))(
      '%s stays GSM-7 in one message (two parts at most with long values)',
      (_id, template) => {
        const gsm = options.currency !== 'INR'; // ₹ is not in GSM-7: the message is UCS-2, by necessity
        const one = countCharacters('sms', fillTemplate(template, typical, options).text);
        if (gsm) expect(one).toMatchObject({ encoding: 'GSM-7', segments: 1 });
        const longOne = countCharacters('sms', fillTemplate(template, long, options).text);
        if (gsm) expect(longOne.encoding).toBe('GSM-7');
        expect(longOne.segments).toBeLessThanOrEqual(gsm ? 2 : 3);
      },
    );
  });
});
