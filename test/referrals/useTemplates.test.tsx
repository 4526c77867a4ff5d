import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { previewTemplate, useTemplates, type UseTemplatesOptions } from '../../hooks/index.js';
import { messageTemplates, type MessageTemplate } from '../../src/index.js';

const member = {
  name: 'Alice',
  link: 'https://podium.example/r/ALC7K2QZ',
  community: 'Studio',
  earnings: 1250,
  referrals: 12,
};

const hostTemplates: readonly MessageTemplate[] = [
  { id: 'x-casual', platform: 'x', category: 'casual', text: 'Our own words for {community}: {link}' },
  { id: 'host-discord', platform: 'discord', category: 'urgency', text: 'Last call for {community}! {link}' },
];

describe('useTemplates', () => {
  it('filters by platform and tone, listing only the tones the platform has', () => {
    const { result, rerender } = renderHook((options: UseTemplatesOptions) => useTemplates(options), {
      initialProps: { platform: 'x', variables: member },
    });
    expect(result.current.items.map((item) => item.template.id)).toEqual([
      'x-casual',
      'x-excited',
      'x-social-proof',
      'x-urgency',
    ]);
    expect(result.current.categories).toEqual(['casual', 'excited', 'urgency', 'social-proof']);
    expect(result.current.platforms).toHaveLength(10);

    rerender({ platform: 'x', category: 'urgency', variables: member });
    expect(result.current.items.map((item) => item.template.id)).toEqual(['x-urgency']);

    rerender({ category: 'professional', variables: member });
    expect(result.current.items.every((item) => item.template.category === 'professional')).toBe(true);
    expect(new Set(result.current.items.map((item) => item.template.platform)).size).toBeGreaterThan(1);
  });

  it('merges host templates before the built-in ones, a same id replacing the built-in', () => {
    const { result } = renderHook(() => useTemplates({ templates: hostTemplates, platform: 'discord' }));
    expect(result.current.all).toHaveLength(messageTemplates.length + 1);
    expect(result.current.all.filter((t) => t.id === 'x-casual')).toEqual([hostTemplates[0]]);
    expect(result.current.items[0]!.template.id).toBe('host-discord');
    expect(result.current.categories).toContain('urgency');

    const only = renderHook(() => useTemplates({ templates: hostTemplates, includeBuiltIn: false }));
    expect(only.result.current.platforms).toEqual(['x', 'discord']);
  });

  it('fills the selected template with the member’s data and counts it against the limit', () => {
    const { result } = renderHook(() =>
      useTemplates({ platform: 'x', selectedId: 'x-social-proof', variables: member }),
    );
    const preview = result.current.selected!.preview;
    expect(preview.status).toBe('ready');
    if (preview.status !== 'ready') return;
    expect(preview.text).toBe(
      'Friends I have brought into Studio so far: 12 📈 Want to be next? https://podium.example/r/ALC7K2QZ',
    );
    // X weighting: the link counts 23 and the emoji 2, whatever their real length.
    const plain = preview.text.replace(member.link, '').replace('📈', '');
    expect(preview.count).toMatchObject({ limit: 280, count: [...plain].length + 23 + 2, over: false });
  });

  it('writes earnings with Intl in the locale and counts SMS in parts', () => {
    const { result } = renderHook(() =>
      useTemplates({
        platform: 'sms',
        selectedId: 'sms-value',
        variables: member,
        locale: 'de-DE',
        currency: 'EUR',
      }),
    );
    const preview = result.current.selected!.preview;
    if (preview.status !== 'ready') throw new Error(preview.status);
    expect(preview.text).toContain('1.250 €');
    expect(preview.count).toMatchObject({ limit: 160, segments: 1, encoding: 'GSM-7' });
  });

  it('marks a template over its platform’s limit', () => {
    const long: MessageTemplate = {
      id: 'host-x-long',
      platform: 'x',
      category: 'value',
      text: `${'a'.repeat(270)} {link}`,
    };
    const { result } = renderHook(() =>
      useTemplates({ templates: [long], platform: 'x', selectedId: 'host-x-long', variables: member }),
    );
    const preview = result.current.selected!.preview;
    expect(preview.status === 'ready' && preview.count).toMatchObject({
      count: 294,
      remaining: -14,
      over: true,
    });
  });

  it('surfaces a missing variable as a state naming it, never a literal placeholder', () => {
    const { result } = renderHook(() =>
      useTemplates({
        platform: 'facebook',
        selectedId: 'facebook-value',
        variables: { ...member, earnings: undefined },
      }),
    );
    const preview = result.current.selected!.preview;
    expect(preview.status).toBe('missing');
    if (preview.status !== 'missing') return;
    expect(preview.missing).toEqual(['earnings']);
    expect(preview.parts).toContainEqual({ kind: 'missing', placeholder: 'earnings' });
    expect(preview.parts).toContainEqual({ kind: 'value', placeholder: 'community', text: 'Studio' });
    expect(preview.parts.map((part) => ('text' in part ? part.text : '')).join('')).not.toMatch(/\{\w+\}/);
    // The other templates still preview.
    expect(result.current.items.find((i) => i.template.id === 'facebook-casual')!.preview.status).toBe(
      'ready',
    );
  });

  it('reports an unusable value instead of throwing', () => {
    const preview = previewTemplate(
      messageTemplates.find((t) => t.id === 'x-social-proof')!,
      { ...member, referrals: -1 },
    );
    expect(preview).toMatchObject({ status: 'invalid', message: expect.stringContaining('referrals') });
  });

  it('is memoised: same values, same result objects, even with a fresh variables object', () => {
    const { result, rerender } = renderHook(
      (vars: typeof member) =>
        useTemplates({ platform: 'email', selectedId: 'email-casual', variables: { ...vars } }),
      { initialProps: member },
    );
    const first = result.current;
    rerender({ ...member });
    expect(result.current.items).toBe(first.items);
    expect(result.current.selected).toBe(first.selected);
    rerender({ ...member, name: 'Alicia' });
    expect(result.current.items).not.toBe(first.items);
  });
});
