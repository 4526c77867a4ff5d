import { formatUnits } from 'viem';

/** The token facts an amount is formatted with (a contract `TokenAmount` fits). */
export interface TokenAmountToken {
  /** Lower-case contract address; the zero address is the native token. */
  address: string;
  /** `null` when the token list does not know the token. */
  symbol: string | null;
  /** `null` when unknown: the amount is then shown as the raw integer. */
  decimals: number | null;
}

export interface FormatTokenAmountOptions {
  /** Most fraction digits for amounts of 1 or more. @default 4 */
  maximumFractionDigits?: number;
  /** Significant digits for amounts below 1, so that 0.000012 ETH does not print as 0. @default 4 */
  maximumSignificantDigits?: number;
  /** Append the symbol (or the shortened address of an unknown token). @default true */
  withUnit?: boolean;
}

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, options);
    } catch {
      // A bad locale from the host must not take the widget down.
      format = new Intl.NumberFormat('en-US', options);
    }
    if (formatters.size > 100) formatters.clear();
    formatters.set(key, format);
  }
  return format;
}

/** Same reason as in useFormatters: every ICU space variant becomes a plain space, so SSR hydrates. */
const sameOnEveryIcu = (text: string) => text.replace(/[\u00a0\u2009\u202f]/g, ' ');

/** `0x1f98…f984`: enough to recognise an address without printing all 42 characters. */
export function shortenAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

/**
 * An integer amount in a token's smallest unit (wei for ETH) for people: scaled by the token's
 * decimals with viem's `formatUnits` (exact, no float rounding on the way), then grouped and
 * rounded by `Intl.NumberFormat` in `locale`, e.g. `1234500000000000000` ETH wei is `1.2345 ETH`
 * in en-US and `1,2345 ETH` in de-DE. Unknown decimals: the raw integer and the shortened address.
 */
export function formatTokenAmount(
  amount: string | bigint,
  token: TokenAmountToken,
  locale: string,
  options: FormatTokenAmountOptions = {},
): string {
  const { maximumFractionDigits = 4, maximumSignificantDigits = 4, withUnit = true } = options;
  const raw = typeof amount === 'bigint' ? amount : BigInt(amount);
  const unit = token.symbol ?? shortenAddress(token.address);
  let number: string;
  if (token.decimals === null) {
    // Intl formats decimal strings exactly (no detour through a float that would round 10^21 wei).
    number = numberFormat(locale, { maximumFractionDigits: 0 }).format(raw);
  } else {
    const below1 = raw !== 0n && raw < 10n ** BigInt(token.decimals);
    const decimal = formatUnits(raw, token.decimals) as `${number}`;
    number = numberFormat(locale, below1 ? { maximumSignificantDigits } : { maximumFractionDigits }).format(
      decimal,
    );
  }
  return sameOnEveryIcu(withUnit ? `${number} ${unit}` : number);
}
