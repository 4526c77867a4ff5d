import { Icon, type IconProps } from './Icon.js';

/** A line rising across an axis: a series over time. */
export function TrendIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M3 3v18h18" />
      <path d="m7 15 4-4 3 3 6-7" />
    </Icon>
  );
}
