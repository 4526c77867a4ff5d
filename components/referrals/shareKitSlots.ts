/**
 * The parts of ShareKit a host can add classes to through `classNames`. Each also carries a
 * structural class, `podium-share-kit__<part>` (kebab-case), that stays even when `unstyled`.
 */
export type ShareKitSlot =
  | 'root'
  | 'header'
  | 'title'
  | 'stats'
  | 'link'
  | 'linkInput'
  | 'copy'
  | 'platforms'
  | 'platform'
  | 'platformIcon'
  | 'actions'
  | 'qr'
  | 'native'
  | 'empty'
  | 'error'
  | 'skeleton'
  | 'button';

/** Extra classes per part, e.g. `{ platform: 'rounded-full', copy: 'uppercase' }`. */
export type ShareKitClassNames = Partial<Record<ShareKitSlot, string>>;
