import { Icon, type IconProps } from './Icon.js';

/** A check mark: done, successful. */
export function CheckIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M20 6 9 17l-5-5" />
    </Icon>
  );
}
