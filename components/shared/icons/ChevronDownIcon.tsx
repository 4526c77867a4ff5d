import { Icon, type IconProps } from './Icon.js';

/** A chevron pointing down: more below. */
export function ChevronDownIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="m6 9 6 6 6-6" />
    </Icon>
  );
}
