import { Icon, type IconProps } from './Icon.js';

/** An empty tray: nothing to show yet. */
export function InboxIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M3 13 6 5h12l3 8v6H3v-6z" />
      <path d="M3 13h5l1.5 2.5h5L16 13h5" />
    </Icon>
  );
}
