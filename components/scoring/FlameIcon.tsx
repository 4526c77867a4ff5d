import { Icon, type IconProps } from '../shared/icons/Icon.js';

/** A flame: a streak of active days. */
export function FlameIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M12 2.5c.6 3.2 5.5 5.6 5.5 11a5.5 5.5 0 0 1-11 0c0-2.7 1.4-4.4 2.6-5.5.2 1.8.9 2.9 2 3.4.6-2.8-.6-5.8.9-8.9z" />
    </Icon>
  );
}
