import { Icon, type IconProps } from '../shared/icons/Icon.js';

/** A padlock: an achievement not unlocked yet. */
export function LockIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d="M8 11V7.5a4 4 0 0 1 8 0V11" />
    </Icon>
  );
}
