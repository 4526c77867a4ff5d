import { Icon, type IconProps } from './Icon.js';

/** Vertical bars on an axis: per-day counts. */
export function BarChartIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M3 3v18h18" />
      <path d="M8 17v-5M13 17V7M18 17v-8" />
    </Icon>
  );
}
