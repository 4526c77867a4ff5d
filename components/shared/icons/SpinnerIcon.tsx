import { Icon, type IconProps } from './Icon.js';

/** Three quarters of a ring: work in progress (still; a class may animate it). */
export function SpinnerIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M21 12a9 9 0 1 1-9-9" />
    </Icon>
  );
}
