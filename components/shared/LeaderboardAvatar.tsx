import { Avatar } from './Avatar.js';
import { avatarInitials } from './identicon.js';

/** @deprecated Use `AvatarProps` (`unstyled` instead of `styled`). */
export interface LeaderboardAvatarProps {
  /** The picture, or `null` for the generated fallback. */
  src: string | null;
  /** The name the initials come from. */
  name: string;
  /** A stable id for the fallback's colour or identicon. @default name */
  id?: string;
  /** `lg` on the podium. @default 'md' */
  size?: 'md' | 'lg';
  /** False when the host asked for `unstyled`. */
  styled: boolean;
  /** Extra classes on the avatar's box. */
  className?: string;
}

/** @deprecated Use `avatarInitials`. Up to two initials of a name: "Alice Moreau" → "AM". */
export const leaderboardInitials = avatarInitials;

/**
 * @deprecated Use `Avatar`, which this now renders: the leaderboard's avatar became the one every
 * widget uses (picture, else identicon for wallets, else coloured initials). Decorative.
 */
export function LeaderboardAvatar({ styled, ...props }: LeaderboardAvatarProps) {
  return <Avatar {...props} unstyled={!styled} />;
}
