import { Icon, type IconProps } from './Icon.js';

/** An arrow pointing up: a rise. */
export function ArrowUpIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M12 19V5M5 12l7-7 7 7" />
    </Icon>
  );
}
