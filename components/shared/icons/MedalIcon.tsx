import { Icon, type IconProps } from './Icon.js';

/** A medal on its ribbon: the first three places. */
export function MedalIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M7.5 2.5h9L14 9.4M7.5 2.5 10 9.4M12 2.5v4.5" />
      <circle cx="12" cy="15.5" r="6" />
      <circle cx="12" cy="15.5" r="2" />
    </Icon>
  );
}
