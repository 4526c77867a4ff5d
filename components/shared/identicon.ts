/**
 * Deterministic pictures for people without one: a blockie-style identicon for wallet addresses
 * and a hue for everyone else. Pure functions of the id (no canvas, no randomness, no DOM), so
 * the server and the browser draw the same thing and hydration matches.
 */

/** `0x` and 40 hex digits, any case. */
export function isWalletAddress(value: string): boolean {
  return /^0x[0-9a-f]{40}$/i.test(value);
}

/** A blockie: an 8 × 8 grid mirrored left to right, each cell background, colour or spot. */
export interface Identicon {
  /** Cells per side. */
  size: number;
  /** Row-major cell values: 0 background, 1 colour, 2 spot. */
  cells: readonly (0 | 1 | 2)[];
  background: string;
  color: string;
  spot: string;
}

/**
 * The blockie of a wallet address, drawn the way Ethereum wallets draw them (the seeded
 * xorshift of the "blockies" scheme, over the lower-case address), so the same address looks the
 * same here as in the wallet a user already knows.
 */
export function walletIdenticon(address: string, size = 8): Identicon {
  const seed = new Int32Array(4);
  const text = address.toLowerCase();
  for (let i = 0; i < text.length; i++) {
    seed[i % 4] = (seed[i % 4]! << 5) - seed[i % 4]! + text.charCodeAt(i);
  }
  const random = () => {
    const t = seed[0]! ^ (seed[0]! << 11);
    seed[0] = seed[1]!;
    seed[1] = seed[2]!;
    seed[2] = seed[3]!;
    seed[3] = seed[3]! ^ (seed[3]! >> 19) ^ t ^ (t >> 8);
    return (seed[3]! >>> 0) / 2 ** 31;
  };
  const colour = () => {
    // The scheme's random() runs over [0, 2): values past the scale are clamped as CSS would.
    const hue = Math.floor(random() * 360) % 360;
    const saturation = Math.min(100, random() * 60 + 40);
    const lightness = Math.min(100, (random() + random() + random() + random()) * 25);
    return `hsl(${hue} ${saturation.toFixed(1)}% ${lightness.toFixed(1)}%)`;
  };
  const color = colour();
  const background = colour();
  const spot = colour();
  const half = Math.ceil(size / 2);
  const cells: (0 | 1 | 2)[] = [];
  for (let y = 0; y < size; y++) {
    const row: (0 | 1 | 2)[] = [];
    for (let x = 0; x < half; x++) row.push(Math.min(2, Math.floor(random() * 2.3)) as 0 | 1 | 2);
    const mirrored = row.slice(0, size - half).reverse();
    cells.push(...row, ...mirrored);
  }
  return { size, cells, background, color, spot };
}

/**
 * A hue (0–359) from any id: FNV-1a, then murmur3's final mix, so ids that differ only in their
 * last character (`s_04`, `s_05`) get unrelated hues rather than neighbouring ones.
 */
export function avatarHue(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) % 360;
}

/** Up to two initials of a name: "Alice Moreau" → "AM", "s_07" → "S0". */
export function avatarInitials(name: string): string {
  const words = name.trim().split(/[\s_.-]+/).filter(Boolean);
  const letters = words.length > 1 ? words.slice(0, 2).map((word) => [...word][0]) : [...(words[0] ?? '?')].slice(0, 2);
  return letters.join('').toUpperCase();
}
