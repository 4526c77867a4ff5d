/** ISO 4217 codes this runtime knows (`Intl.supportedValuesOf`), read once. */
let isoCodes: ReadonlySet<string> | null = null;

/** True for an ISO 4217 currency code (USD, EUR); false for token symbols (ETH, USDC). */
export function isIsoCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  if (isoCodes === null) {
    try {
      isoCodes = new Set(Intl.supportedValuesOf('currency'));
    } catch {
      // Older runtimes: any three letters not known to be a token.
      isoCodes = new Set();
    }
  }
  return isoCodes.size > 0 ? isoCodes.has(code) : !['ETH', 'BTC', 'SOL', 'DAI'].includes(code);
}

/**
 * A decimal amount in a currency: an ISO 4217 code as the locale's currency format (`$1,234.50`,
 * `1.234,50 $`), anything else (a token) as a plain number and its code (`1.2345 ETH`). Amounts
 * are decimal strings and are formatted without going through a float where the runtime allows.
 */
export function formatMoney(amount: string, currency: string, locale: string): string {
  const value = amount as unknown as number;
  const text = (() => {
    try {
      if (isIsoCurrency(currency)) return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(value)} ${currency}`;
    } catch {
      return `${amount} ${currency}`;
    }
  })();
  // Same spaces on every ICU (see useFormatters): no hydration mismatches.
  return text.replace(/[\u00a0\u2009\u202f]/g, ' ');
}
