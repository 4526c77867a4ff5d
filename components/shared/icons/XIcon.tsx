import { Icon, type IconProps } from './Icon.js';

/** A diagonal cross: close, failed. */
export function XIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M18 6 6 18M6 6l12 12" />
    </Icon>
  );
}
