import { Icon, type IconProps } from './Icon.js';

/** An arrow pointing right: more that way. */
export function ArrowRightIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M5 12h14M12 5l7 7-7 7" />
    </Icon>
  );
}
