import { Icon, type IconProps } from './Icon.js';

/** An exclamation mark in a circle: errors and warnings. */
export function AlertIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7.5v5M12 16.5h.01" />
    </Icon>
  );
}
