import { fireEvent, render } from '@testing-library/react';
import fc from 'fast-check';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Avatar } from '../../components/shared/Avatar.js';
import { avatarHue, avatarInitials, isWalletAddress, walletIdenticon } from '../../components/shared/identicon.js';
import { LeaderboardAvatar, leaderboardInitials } from '../../components/shared/LeaderboardAvatar.js';

const walletA = '0x1f9840a85d5af5bf1d1762f925bdaddc4201f984';
const walletB = '0x6b175474e89094c44da98b954eedeac495271d0f';

const box = (container: HTMLElement) => container.querySelector<HTMLElement>('.podium-avatar')!;

describe('generated avatars', () => {
  it('recognises wallet addresses (0x + 40 hex digits, any case) and nothing else', () => {
    expect(isWalletAddress(walletA)).toBe(true);
    expect(isWalletAddress(walletA.toUpperCase().replace('0X', '0x'))).toBe(true);
    expect(isWalletAddress(walletA.slice(0, -1))).toBe(false);
    expect(isWalletAddress('alice')).toBe(false);
  });

  it('draws the same identicon for the same address, in any case, and another for another', () => {
    const a = walletIdenticon(walletA);
    expect(walletIdenticon(walletA)).toEqual(a);
    expect(walletIdenticon(walletA.toUpperCase().replace('0X', '0x'))).toEqual(a);
    const b = walletIdenticon(walletB);
    expect(b.cells).not.toEqual(a.cells);
    expect(b.color).not.toBe(a.color);
    // 8 × 8, mirrored left to right, every cell background, colour or spot.
    expect(a.cells).toHaveLength(64);
    for (let row = 0; row < 8; row++) {
      const cells = a.cells.slice(row * 8, row * 8 + 8);
      expect(cells).toEqual([...cells].reverse());
    }
    expect(new Set(a.cells).size).toBeGreaterThan(1);
    expect(a.background).toMatch(/^hsl\(\d+ [\d.]+% [\d.]+%\)$/);
  });

  it('matches the blockie a wallet shows for the same address (the blockies scheme, plain JS numbers)', () => {
    // The scheme as wallets implement it, over a plain array (no Int32Array): ours must agree.
    const reference = (address: string) => {
      const seed = [0, 0, 0, 0];
      for (let i = 0; i < address.length; i++) seed[i % 4] = (seed[i % 4]! << 5) - seed[i % 4]! + address.charCodeAt(i);
      const random = () => {
        const t = seed[0]! ^ (seed[0]! << 11);
        seed[0] = seed[1]!;
        seed[1] = seed[2]!;
        seed[2] = seed[3]!;
        seed[3] = seed[3]! ^ (seed[3]! >> 19) ^ t ^ (t >> 8);
        return (seed[3]! >>> 0) / ((1 << 31) >>> 0);
      };
      const colour = () => {
        const h = Math.floor(random() * 360) % 360;
        const s = Math.min(100, random() * 60 + 40);
        const l = Math.min(100, (random() + random() + random() + random()) * 25);
        return `hsl(${h} ${s.toFixed(1)}% ${l.toFixed(1)}%)`;
      };
      const [color, background, spot] = [colour(), colour(), colour()];
      const cells: number[] = [];
      for (let y = 0; y < 8; y++) {
        const row = Array.from({ length: 4 }, () => Math.min(2, Math.floor(random() * 2.3)));
        cells.push(...row, ...[...row].reverse());
      }
      return { size: 8, cells, background, color, spot };
    };
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), (bytes) => {
        const address = `0x${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
        expect(walletIdenticon(address)).toEqual(reference(address));
      }),
    );
  });

  it('gives the same id the same hue and different ids different hues', () => {
    expect(avatarHue('s_07')).toBe(avatarHue('s_07'));
    const hues = ['s_01', 's_02', 's_03', 's_04', 's_05', 's_06', 'alice', 'bob'].map(avatarHue);
    expect(new Set(hues).size).toBe(hues.length);
    // Ids in sequence (as seeded ids are) spread round the wheel: a dozen of them land in at
    // least half of the twelve 30° sectors (plain FNV-1a put them in four, alternating two hues).
    const sequence = Array.from({ length: 12 }, (_, i) => avatarHue(`s_${String(i + 1).padStart(2, '0')}`));
    expect(new Set(sequence.map((hue) => Math.floor(hue / 30))).size).toBeGreaterThanOrEqual(6);
    for (const hue of hues) {
      expect(hue).toBeGreaterThanOrEqual(0);
      expect(hue).toBeLessThan(360);
    }
  });

  it('takes up to two initials', () => {
    expect(avatarInitials('Alice Moreau')).toBe('AM');
    expect(avatarInitials('s_07')).toBe('S0');
    expect(avatarInitials('  ')).toBe('?');
    expect(avatarInitials('Élodie')).toBe('ÉL');
    expect(leaderboardInitials).toBe(avatarInitials);
  });
});

describe('Avatar', () => {
  it('shows initials coloured by the id when there is no picture, the same on every render', () => {
    const first = render(<Avatar name="Alice Moreau" id="u_alice" src={null} />);
    const second = render(<Avatar name="Alice Moreau" id="u_alice" />);
    expect(box(first.container)).toHaveAttribute('data-avatar', 'initials');
    expect(box(first.container)).toHaveTextContent('AM');
    expect(box(first.container).style.getPropertyValue('--podium-avatar-hue')).toBe(String(avatarHue('u_alice')));
    expect(box(first.container).outerHTML).toBe(box(second.container).outerHTML);
    const other = render(<Avatar name="Alice Moreau" id="u_alice2" />);
    expect(box(other.container).style.getPropertyValue('--podium-avatar-hue')).not.toBe(
      box(first.container).style.getPropertyValue('--podium-avatar-hue'),
    );
  });

  it('draws the identicon for a wallet address, different per address', () => {
    const a = render(<Avatar name="0x1f98…f984" id={walletA} />);
    const b = render(<Avatar name="0x6b17…1d0f" id={walletB} />);
    expect(box(a.container)).toHaveAttribute('data-avatar', 'identicon');
    const svg = a.container.querySelector('svg[data-identicon]')!;
    expect(svg.querySelectorAll('path')).toHaveLength(2);
    expect(a.container.innerHTML).not.toBe(b.container.innerHTML);
    expect(render(<Avatar name="x" id={walletA} />).container.querySelector('svg')!.outerHTML).toBe(svg.outerHTML);
  });

  it('renders the same markup on the server (no window), so hydration matches', () => {
    const html = renderToString(<Avatar name="Bob" id={walletB} size="lg" />);
    expect(html).toContain('data-identicon');
    expect(renderToString(<Avatar name="Bob" id={walletB} size="lg" />)).toBe(html);
  });

  it('shows the picture, and the fallback when it fails to load, in the same box', () => {
    const { container, rerender } = render(<Avatar name="Alice Moreau" id="u_alice" src="https://cdn.test/a.png" />);
    const img = container.querySelector('img')!;
    expect(box(container)).toHaveAttribute('data-avatar', 'image');
    const classes = box(container).className;
    fireEvent.error(img);
    expect(container.querySelector('img')).toBeNull();
    expect(box(container)).toHaveAttribute('data-avatar', 'initials');
    expect(box(container)).toHaveTextContent('AM');
    // Same size classes: no layout shift.
    expect(box(container).className.split(' ').filter((c) => c.includes('size-'))).toEqual(
      classes.split(' ').filter((c) => c.includes('size-')),
    );
    // A new picture gets its own chance.
    rerender(<Avatar name="Alice Moreau" id="u_alice" src="https://cdn.test/b.png" />);
    expect(container.querySelector('img')).toHaveAttribute('src', 'https://cdn.test/b.png');
  });

  it('falls back to the identicon when a wallet user’s picture fails', () => {
    const { container } = render(<Avatar name="w" id={walletA} src="https://cdn.test/broken.png" />);
    fireEvent.error(container.querySelector('img')!);
    expect(box(container)).toHaveAttribute('data-avatar', 'identicon');
  });

  it('is hidden from assistive technology by default (the name is written next to it)', () => {
    const { container } = render(<Avatar name="Alice" src="https://cdn.test/a.png" />);
    expect(box(container)).toHaveAttribute('aria-hidden', 'true');
    expect(container.querySelector('img')).toHaveAttribute('alt', '');
  });

  it('is named by its alt text when labelled, picture or fallback', () => {
    const picture = render(<Avatar name="Alice" src="https://cdn.test/a.png" labelled />);
    expect(picture.getByRole('img', { name: 'Alice' }).tagName).toBe('IMG');
    const initials = render(<Avatar name="Alice" labelled alt="Alice’s avatar" />);
    expect(initials.getByRole('img', { name: 'Alice’s avatar' })).toHaveAttribute('data-avatar', 'initials');
    expect(box(initials.container)).not.toHaveAttribute('aria-hidden');
  });

  it('keeps LeaderboardAvatar working as before', () => {
    const { container } = render(<LeaderboardAvatar src={null} name="Alice Moreau" styled size="lg" />);
    expect(box(container)).toHaveAttribute('data-initials');
    expect(box(container)).toHaveTextContent('AM');
    expect(box(container).className).toContain('podium:size-14');
    const unstyled = render(<LeaderboardAvatar src={null} name="A" styled={false} />);
    expect(box(unstyled.container).className).toBe('podium-avatar');
  });
});
