import type { CSSProperties } from 'react';
import type { SharePlatform } from '../../src/referrals/platforms.js';
import { cx } from '../shared/cx.js';
import { formatLabel } from '../labels.js';
import { ShareKitBrandIcon } from './ShareKitBrandIcon.js';
import type { ShareKitLabels } from './shareKitLabels.js';
import type { ShareKitClassNames } from './shareKitSlots.js';

/**
 * Brand colours of the tiles (set inline: eight arbitrary Tailwind values would cost more bytes).
 * X follows the theme's foreground; e-mail and SMS stay neutral, on the surface colour.
 */
const tileColours: Partial<Record<SharePlatform, string>> = {
  x: 'var(--podium-fg)',
  facebook: '#1877f2',
  linkedin: '#0a66c2',
  whatsapp: '#25d366',
  telegram: '#229ed9',
  reddit: '#ff4500',
};

interface ShareKitPlatformsProps {
  platforms: readonly SharePlatform[];
  /** The id of the visible "Share on" heading that names the list. */
  labelledBy: string;
  labels: ShareKitLabels;
  onShare: (platform: SharePlatform) => void;
  styled: boolean;
  classNames: ShareKitClassNames;
}

/** One round brand tile per platform, named for screen readers ("Share on WhatsApp"). */
export function ShareKitPlatforms({
  platforms,
  labelledBy,
  labels,
  onShare,
  styled,
  classNames,
}: ShareKitPlatformsProps) {
  return (
    <ul
      aria-labelledby={labelledBy}
      className={cx(
        'podium-share-kit__platforms',
        styled &&
          'podium:m-0 podium:grid podium:list-none podium:grid-cols-4 podium:gap-x-1 podium:gap-y-3 podium:p-0 podium:@md:grid-cols-8',
        classNames.platforms,
      )}
    >
      {platforms.map((platform) => {
        // `shareKitPlatformX`, `…Linkedin`, `…Sms`: computed, as a table of eight keys costs bytes.
        const name =
          labels[`shareKitPlatform${platform[0]!.toUpperCase()}${platform.slice(1)}` as keyof ShareKitLabels];
        const colour = tileColours[platform];
        return (
          <li key={platform}>
            <button
              type="button"
              data-platform={platform}
              aria-label={formatLabel(labels.shareKitShareOn, { platform: name })}
              onClick={() => onShare(platform)}
              className={cx(
                'podium-share-kit__platform',
                styled &&
                  'podium:flex podium:w-full podium:cursor-pointer podium:flex-col podium:items-center podium:gap-1.5 podium:rounded-(--podium-radius) podium:border-0 podium:bg-transparent podium:px-0 podium:py-1 podium:text-xs podium:text-(--podium-muted) podium:hover:text-(--podium-fg) podium:[&:hover>span:first-child]:scale-105',
                classNames.platform,
              )}
            >
              <span
                className={cx(
                  'podium-share-kit__platform-icon',
                  styled &&
                    'podium:flex podium:size-11 podium:items-center podium:justify-center podium:rounded-full podium:text-[1.375rem] podium:transition-transform podium:motion-reduce:transition-none',
                  styled &&
                    (colour
                      ? platform === 'x'
                        ? 'podium:text-(--podium-bg)'
                        : 'podium:text-white'
                      : 'podium:bg-(--podium-surface) podium:text-(--podium-fg) podium:ring-1 podium:ring-inset podium:ring-(--podium-border)'),
                  classNames.platformIcon,
                )}
                // The brand marks read --podium-share-tile to cut their details out of the glyph.
                style={
                  styled && colour
                    ? ({ background: colour, '--podium-share-tile': colour } as CSSProperties)
                    : undefined
                }
              >
                <ShareKitBrandIcon platform={platform} />
              </span>
              <span aria-hidden="true">{name}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
