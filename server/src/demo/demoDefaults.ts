/**
 * Fixed development values `podium-server demo` uses when the real ones are not set, so the demo
 * starts with no configuration. They are public (they are in this file): never use them for a
 * server that anyone else can reach.
 */
export const demoJwtSecret = 'podium-demo-jwt-secret-not-for-production-0000';
export const demoApiKey = 'podium-demo-api-key-not-for-production';

/** The demo marketplace's ERC-20 tokens (mainnet addresses): USDC, WETH, DAI. */
export const demoTokens = [
  { address: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', symbol: 'USDC', decimals: 6 },
  { address: '0xc02aaa39b223fe8d0a0e5c3ad4f27ead083c756c', symbol: 'WETH', decimals: 18 },
  { address: '0x6b175474e89094c44da98b954eedeac495271d0f', symbol: 'DAI', decimals: 18 },
];

/**
 * The environment with demo defaults filled in: dev secrets when unset (with one warning line),
 * and CORS open to every origin unless configured.
 */
export function withDemoDefaults(
  env: Record<string, string | undefined>,
  warn: (message: string) => void,
): Record<string, string | undefined> {
  const result = { ...env };
  const filled: string[] = [];
  if (!env.PODIUM_JWT_SECRET?.trim()) {
    result.PODIUM_JWT_SECRET = demoJwtSecret;
    filled.push('PODIUM_JWT_SECRET');
  }
  if (!env.PODIUM_API_KEY?.trim()) {
    result.PODIUM_API_KEY = demoApiKey;
    filled.push('PODIUM_API_KEY');
  }
  if (!env.PODIUM_CORS_ORIGINS?.trim()) result.PODIUM_CORS_ORIGINS = '*';
  // The payment tokens the demo marketplace trades in, so breakdowns show symbols and decimals.
  if (!env.PODIUM_TOKENS?.trim()) result.PODIUM_TOKENS = JSON.stringify(demoTokens);
  // The built-in scheduler keeps the demo's stats current and answers "not calculated yet" (202)
  // lookups within seconds.
  if (!env.PODIUM_STATS_SYNC_INTERVAL_SECONDS?.trim()) result.PODIUM_STATS_SYNC_INTERVAL_SECONDS = '60';
  if (filled.length > 0) {
    warn(
      `⚠ Demo mode: ${filled.join(' and ')} unset, using fixed development values (never use them in production).`,
    );
  }
  return result;
}
