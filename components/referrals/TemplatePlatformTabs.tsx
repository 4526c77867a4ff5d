import { useEffect, type KeyboardEvent } from 'react';
import type { TemplatePlatform } from '../../src/referrals/platforms.js';
import { cx } from '../shared/cx.js';
import { useScrollEdges } from '../shared/useScrollEdges.js';
import type { TemplateSelectorPartStyle } from './templateSelectorSlots.js';

export interface TemplatePlatformTabsProps extends TemplateSelectorPartStyle {
  /** Names the tab list, e.g. "Platform". */
  label: string;
  platforms: readonly { value: TemplatePlatform; label: string }[];
  value: TemplatePlatform;
  onChange: (platform: TemplatePlatform) => void;
  /** Ids of a tab and of the panel it controls, from the platform. */
  tabId: (platform: TemplatePlatform) => string;
  panelId: string;
}

/**
 * The platforms as WAI-ARIA tabs with automatic activation: one tab in the tab order (roving
 * `tabIndex`), arrows move and select (wrapping), Home and End jump to the ends. Ten platforms
 * overflow a phone: the list scrolls sideways and keeps the focused tab in view.
 */
export function TemplatePlatformTabs({
  label,
  platforms,
  value,
  onChange,
  tabId,
  panelId,
  styled,
  classNames,
}: TemplatePlatformTabsProps) {
  const { ref: listRef, edges } = useScrollEdges<HTMLDivElement>();
  // A fade where tabs are scrolled out of view, so a phone shows there are more platforms.
  const fade = (side: boolean) => (side ? 'transparent, #000 2rem' : '#000, #000');
  const mask =
    styled && (edges.start || edges.end)
      ? `linear-gradient(to right, ${fade(edges.start)}, ${edges.end ? '#000 calc(100% - 2rem), transparent' : '#000'})`
      : undefined;

  // The chosen tab in view, also when it starts past the edge (defaultPlatform 'email' on a phone).
  // Scrolls the list only: scrollIntoView would scroll the page too.
  useEffect(() => {
    const list = listRef.current;
    const tab = list?.querySelector<HTMLElement>(`[data-platform="${value}"]`);
    if (!list || !tab) return;
    const start = tab.offsetLeft - list.offsetLeft;
    const end = start + tab.offsetWidth;
    if (start < list.scrollLeft) list.scrollLeft = start - 16;
    else if (end > list.scrollLeft + list.clientWidth) list.scrollLeft = end - list.clientWidth + 16;
  }, [value, listRef]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = platforms.findIndex((platform) => platform.value === value);
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    let next: number | undefined;
    if (step !== undefined) next = (index + step + platforms.length) % platforms.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = platforms.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    const platform = platforms[next]!.value;
    onChange(platform);
    const tab = listRef.current?.querySelector<HTMLElement>(`[data-platform="${platform}"]`);
    tab?.focus();
  };

  return (
    <div
      ref={listRef}
      role="tablist"
      aria-label={label}
      aria-orientation="horizontal"
      onKeyDown={onKeyDown}
      style={mask ? { maskImage: mask, WebkitMaskImage: mask } : undefined}
      className={cx(
        'podium-template-selector__tabs',
        styled &&
          'podium:flex podium:max-w-full podium:gap-1 podium:overflow-x-auto podium:rounded-(--podium-radius) podium:bg-(--podium-surface) podium:p-1 podium:[scrollbar-width:thin]',
        classNames.tabs,
      )}
    >
      {platforms.map((platform) => {
        const selected = platform.value === value;
        return (
          <button
            key={platform.value}
            type="button"
            role="tab"
            id={tabId(platform.value)}
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            data-platform={platform.value}
            onClick={() => onChange(platform.value)}
            className={cx(
              'podium-template-selector__tab',
              styled &&
                'podium:shrink-0 podium:cursor-pointer podium:rounded-[calc(var(--podium-radius)-2px)] podium:border-0 podium:px-3 podium:py-1.5 podium:text-sm podium:font-medium podium:whitespace-nowrap podium:transition-colors',
              styled &&
                (selected
                  ? 'podium:bg-(--podium-bg) podium:text-(--podium-fg) podium:shadow-sm'
                  : 'podium:bg-transparent podium:text-(--podium-muted) podium:hover:text-(--podium-fg)'),
              classNames.tab,
            )}
          >
            {platform.label}
          </button>
        );
      })}
    </div>
  );
}
