import { Icon, type IconProps } from '../shared/icons/Icon.js';

/** A snowflake: a streak freeze, which bridges a missed day. */
export function SnowflakeIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M12 2v20M3.3 7l17.4 10M3.3 17 20.7 7" />
      <path d="m9 3.5 3 2 3-2M9 20.5l3-2 3 2M3.6 10.6l3.2-1.1-.6-3.5M17.8 18l.6-3.5 3.2-1.1M20.4 10.6l-3.2-1.1.6-3.5M6.2 18l-.6-3.5-3.2-1.1" />
    </Icon>
  );
}
