import { Icon, type IconProps } from './Icon.js';

/** A circular arrow: retry, refresh. */
export function RefreshIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M20 12a8 8 0 1 1-2.34-5.66L20 8.5" />
      <path d="M20 3.5v5h-5" />
    </Icon>
  );
}
