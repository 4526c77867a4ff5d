import { describe, expect, it } from 'vitest';
import { disposableEmailDomains, isDisposableEmail } from '../../src/referrals/isDisposableEmail.js';
import { normalizeEmail } from '../../src/referrals/normalizeEmail.js';

describe('normalizeEmail', () => {
  it.each([
    ['Ann.Lee+promo@GMail.com', 'annlee@gmail.com'],
    ['a.n.n@googlemail.com', 'ann@gmail.com'],
    ['  ann@gmail.com  ', 'ann@gmail.com'],
    ['ann+x@outlook.com', 'ann@outlook.com'],
    ['ann+x@icloud.com', 'ann@icloud.com'],
    ['ann+x@proton.me', 'ann@proton.me'],
    ['ann.lee@outlook.com', 'ann.lee@outlook.com'],
    ['ann+x@example.com', 'ann+x@example.com'],
    ['Ann.Lee@Example.COM', 'ann.lee@example.com'],
    ['ann-x@yahoo.com', 'ann-x@yahoo.com'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });
});

describe('isDisposableEmail', () => {
  it('knows the big disposable providers and their subdomains', () => {
    expect(isDisposableEmail('x@mailinator.com')).toBe(true);
    expect(isDisposableEmail('x@YOPMAIL.com')).toBe(true);
    expect(isDisposableEmail('x@eu.mailinator.com')).toBe(true);
    expect(isDisposableEmail('x@gmail.com')).toBe(false);
    expect(isDisposableEmail('x@notmailinator.com')).toBe(false);
    expect(isDisposableEmail('nonsense')).toBe(false);
  });

  it('takes extra domains as a list or a set', () => {
    expect(isDisposableEmail('x@burner.example', ['burner.example'])).toBe(true);
    expect(isDisposableEmail('x@a.burner.example', new Set(['burner.example']))).toBe(true);
    expect(isDisposableEmail('x@example.com', new Set(['burner.example']))).toBe(false);
  });

  it('stays a short list, fit for a browser bundle', () => {
    expect(disposableEmailDomains.length).toBeLessThan(200);
    expect(new Set(disposableEmailDomains).size).toBe(disposableEmailDomains.length);
  });
});
