import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { defaultLabels } from '../../components/index.js';
import { WidgetCard } from '../../components/shared/WidgetCard.js';
import { WidgetState } from '../../components/shared/WidgetState.js';
import { renderWithPodium } from './renderWithPodium.js';

const root = (container: HTMLElement) => container.querySelector('.podium-demo') as HTMLElement;

describe('WidgetCard', () => {
  it('is a section named by its heading, with the theme, locale and data attributes on the root', () => {
    const { container } = renderWithPodium(
      <WidgetCard block="podium-demo" title="Points" headingLevel={3} data-state="ready">
        <p>body</p>
      </WidgetCard>,
      { theme: 'dark', locale: 'de-DE' },
    );
    const section = screen.getByRole('region', { name: 'Points' });
    expect(section).toBe(root(container));
    expect(section).toHaveClass('podium-root', 'podium-demo');
    expect(section).toHaveAttribute('data-state', 'ready');
    expect(section).toHaveAttribute('data-theme', 'dark');
    expect(section).toHaveAttribute('lang', 'de-DE');
    expect(screen.getByRole('heading', { level: 3, name: 'Points' })).toHaveClass('podium-demo__title');
    // A bare heading: no header row without a subtitle or actions, and no live region unasked.
    expect(container.querySelector('header')).toBeNull();
    expect(container.querySelector('[role="status"]')).toBeNull();
  });

  it('puts subtitle and actions in a header row and keeps a live region from the first render', () => {
    const { container, rerender } = renderWithPodium(
      <WidgetCard block="podium-demo" title="Points" subtitle={<p>Last 30 days</p>} actions={<button type="button">Export</button>} announcement="" />,
    );
    const header = container.querySelector('header.podium-demo__header')!;
    expect(header).toHaveTextContent('Last 30 days');
    expect(header).toContainElement(screen.getByRole('button', { name: 'Export' }));
    const status = screen.getByRole('status');
    expect(status).toHaveClass('podium-sr-only');
    expect(status).toHaveTextContent('');

    rerender(<WidgetCard block="podium-demo" title="Points" subtitle={<p>Last 30 days</p>} announcement="Points loaded" />);
    expect(screen.getByRole('status')).toBe(status);
    expect(status).toHaveTextContent('Points loaded');
  });

  it('adds className and slot classes, and drops every utility class when unstyled', () => {
    const classNames = { root: 'r', header: 'h', title: 't' };
    const styled = renderWithPodium(
      <WidgetCard block="podium-demo" title="Points" subtitle="sub" className="host" classNames={classNames} />,
    );
    expect(root(styled.container)).toHaveClass('r', 'host', 'podium:@container', 'podium:gap-4');
    expect(styled.container.querySelector('.podium-demo__header')).toHaveClass('h');
    expect(styled.container.querySelector('.podium-demo__title')).toHaveClass('t');
    styled.unmount();

    const compact = renderWithPodium(<WidgetCard block="podium-demo" title="Points" compact containerQueries={false} />);
    expect(root(compact.container)).toHaveClass('podium:gap-3');
    expect(root(compact.container)).not.toHaveClass('podium:@container');
    compact.unmount();

    const bare = renderWithPodium(
      <WidgetCard block="podium-demo" title="Points" subtitle="sub" unstyled className="host" classNames={classNames} />,
    );
    expect(root(bare.container)).toHaveAttribute('data-unstyled');
    expect(root(bare.container)).toHaveClass('podium-root', 'podium-demo', 'r', 'host');
    expect(root(bare.container).outerHTML).not.toContain('podium:');
  });
});

describe('WidgetState', () => {
  const labels = { retry: 'Nochmal', retrying: 'Läuft…' };

  it('announces an error at once and retries until the retry is in flight', async () => {
    const onRetry = vi.fn();
    const { rerender } = renderWithPodium(
      <WidgetState kind="error" block="podium-demo" title="Could not load" description="Server down" onRetry={onRetry} labels={labels} classNames={{ error: 'e', button: 'b' }} />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveClass('podium-demo__error', 'e');
    expect(alert).toHaveTextContent('Could not loadServer down');
    const button = screen.getByRole('button', { name: 'Nochmal' });
    expect(button).toHaveClass('podium-button', 'b');
    await userEvent.click(button);
    expect(onRetry).toHaveBeenCalledTimes(1);

    rerender(<WidgetState kind="error" block="podium-demo" title="Could not load" onRetry={onRetry} isRetrying labels={labels} />);
    expect(screen.getByRole('button', { name: 'Läuft…' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('offers no Retry without onRetry, and shows an empty state without alerting', () => {
    const { container, rerender } = renderWithPodium(
      <WidgetState kind="error" block="podium-demo" title="No user named “x”." description={null} labels={defaultLabels} />,
    );
    expect(screen.getByRole('alert').querySelectorAll('p')).toHaveLength(1);
    expect(screen.queryByRole('button')).toBeNull();

    rerender(<WidgetState kind="empty" block="podium-demo" title="Nothing yet" description="Come back later" labels={defaultLabels} unstyled className="host" />);
    expect(screen.queryByRole('alert')).toBeNull();
    const empty = container.querySelector('.podium-demo__empty')!;
    expect(empty).toHaveClass('host');
    expect(empty).toHaveTextContent('Nothing yetCome back later');
    expect(empty.outerHTML).not.toContain('podium:');
  });
});
