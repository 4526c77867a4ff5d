import { describe, expect, it } from 'vitest';
import { formatTokenAmount, shortenAddress } from '../../components/shared/formatTokenAmount.js';
import { nativeTokenAddress } from '../../src/userStats/contract.js';
import { unknownTokenAddress, usdcToken } from '../../mocks/index.js';

const eth = { address: nativeTokenAddress, symbol: 'ETH', decimals: 18 };
const unknown = { address: unknownTokenAddress, symbol: null, decimals: null };

describe('formatTokenAmount', () => {
  it('scales wei by the decimals and formats in the locale', () => {
    expect(formatTokenAmount('1234500000000000000', eth, 'en-US')).toBe('1.2345 ETH');
    expect(formatTokenAmount('1234500000000000000', eth, 'de-DE')).toBe('1,2345 ETH');
    expect(formatTokenAmount(1234500000000000000n, eth, 'en-US')).toBe('1.2345 ETH');
    expect(formatTokenAmount('0', eth, 'en-US')).toBe('0 ETH');
  });

  it('uses 6 decimals for USDC', () => {
    expect(formatTokenAmount('12450500000', usdcToken, 'en-US')).toBe('12,450.5 USDC');
    expect(formatTokenAmount('12450500000', usdcToken, 'de-DE')).toBe('12.450,5 USDC');
    expect(formatTokenAmount('1', usdcToken, 'en-US')).toBe('0.000001 USDC');
  });

  it('rounds to 4 fraction digits, but keeps small amounts visible with significant digits', () => {
    expect(formatTokenAmount('1234567890123456789', eth, 'en-US')).toBe('1.2346 ETH');
    expect(formatTokenAmount('12345678900000', eth, 'en-US')).toBe('0.00001235 ETH');
    expect(formatTokenAmount('1234567890123456789', eth, 'en-US', { maximumFractionDigits: 2 })).toBe(
      '1.23 ETH',
    );
    expect(formatTokenAmount('1234567890123456789', eth, 'en-US', { withUnit: false })).toBe('1.2346');
  });

  it('is exact for amounts far beyond safe integers', () => {
    expect(formatTokenAmount('987654321098765432109876543210', eth, 'en-US')).toBe(
      '987,654,321,098.7654 ETH',
    );
    expect(formatTokenAmount('123456789012345678901234567890', unknown, 'en-US')).toBe(
      '123,456,789,012,345,678,901,234,567,890 0x1f98…f984',
    );
  });

  it('shows an unknown token as the raw integer and its shortened address', () => {
    expect(formatTokenAmount('250000000000000000000', unknown, 'en-US')).toBe(
      '250,000,000,000,000,000,000 0x1f98…f984',
    );
    // ICU's narrow no-break spaces (fr-FR grouping) become plain spaces, as everywhere in Podium.
    expect(formatTokenAmount('1234567', unknown, 'fr-FR')).toBe('1 234 567 0x1f98…f984');
    expect(formatTokenAmount('5', { ...unknown, decimals: 0 }, 'en-US')).toBe('5 0x1f98…f984');
    expect(shortenAddress(unknownTokenAddress)).toBe('0x1f98…f984');
    expect(shortenAddress('0xabc')).toBe('0xabc');
  });

  it('falls back to en-US for a locale Intl does not accept', () => {
    expect(formatTokenAmount('1234500000000000000', eth, 'not a locale!')).toBe('1.2345 ETH');
  });
});
