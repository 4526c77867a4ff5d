import { Icon, type IconProps } from './Icon.js';

/** An arrow pointing down: a fall. */
export function ArrowDownIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M12 5v14M19 12l-7 7-7-7" />
    </Icon>
  );
}
