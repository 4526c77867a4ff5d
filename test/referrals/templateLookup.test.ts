import { describe, expect, it } from 'vitest';
import { messageTemplates } from '../../src/referrals/messageTemplates.js';
import { templatePlatforms } from '../../src/referrals/platforms.js';
import { templateCategories, type MessageTemplate } from '../../src/referrals/templateFormat.js';
import {
  getRandomTemplate,
  getTemplatesByCategory,
  getTemplatesByPlatform,
} from '../../src/referrals/templateLookup.js';

describe('getTemplatesByPlatform / getTemplatesByCategory', () => {
  it('answers the templates of one platform, in library order', () => {
    const x = getTemplatesByPlatform('x');
    expect(x.map((t) => t.id)).toEqual(messageTemplates.filter((t) => t.platform === 'x').map((t) => t.id));
    expect(x.length).toBeGreaterThanOrEqual(2);
  });

  it('splits the library exactly, by platform and by category', () => {
    const byPlatform = templatePlatforms.flatMap((platform) => getTemplatesByPlatform(platform));
    const byCategory = templateCategories.flatMap((category) => getTemplatesByCategory(category));
    expect(byPlatform).toHaveLength(messageTemplates.length);
    expect(byCategory).toHaveLength(messageTemplates.length);
    expect(getTemplatesByCategory('urgency').every((t) => t.category === 'urgency')).toBe(true);
  });

  it('works on a host’s own list', () => {
    const own: MessageTemplate[] = [{ id: 'mine', platform: 'slack', category: 'casual', text: '{link}' }];
    expect(getTemplatesByPlatform('slack', own)).toEqual(own);
    expect(getTemplatesByPlatform('x', own)).toEqual([]);
    expect(getTemplatesByCategory('casual', own)).toEqual(own);
  });
});

describe('getRandomTemplate', () => {
  it('answers the same template for the same seed', () => {
    for (let seed = 0; seed < 50; seed += 1) {
      expect(getRandomTemplate('whatsapp', { seed })).toBe(getRandomTemplate('whatsapp', { seed }));
      expect(getRandomTemplate(undefined, { seed })).toBe(getRandomTemplate(undefined, { seed }));
    }
  });

  it('reaches every template of a platform over seeds', () => {
    const seen = new Set(Array.from({ length: 200 }, (_, seed) => getRandomTemplate('x', { seed }).id));
    expect([...seen].sort()).toEqual(
      getTemplatesByPlatform('x')
        .map((t) => t.id)
        .sort(),
    );
  });

  it('keeps to the platform and category asked for', () => {
    for (let seed = 0; seed < 30; seed += 1) {
      const template = getRandomTemplate('sms', { seed, category: 'urgency' });
      expect([template.platform, template.category]).toEqual(['sms', 'urgency']);
    }
    expect(templatePlatforms).toContain(getRandomTemplate().platform);
  });

  it('throws when nothing matches', () => {
    expect(() => getRandomTemplate('reddit', { category: 'urgency' })).toThrow(
      'getRandomTemplate: no template for platform "reddit" and category "urgency"',
    );
    expect(() => getRandomTemplate(undefined, { templates: [] })).toThrow(/an empty list/);
  });
});
