import { Icon, type IconProps } from './Icon.js';

/** A pie with one slice out: shares of a whole. */
export function PieChartIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M21 12A9 9 0 1 1 12 3v9h9z" />
      <path d="M15 3.5A9 9 0 0 1 20.5 9H15V3.5z" />
    </Icon>
  );
}
