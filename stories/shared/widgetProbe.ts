import { expect, waitFor } from 'storybook/test';

/** What a story's `play` uses to find a widget and wait for its `data-state`. */
export interface WidgetProbe {
  /** The element `selector` names inside `container`; throws when it is not there. */
  root: (container: HTMLElement) => HTMLElement;
  /**
   * Waits until the element's `data-state` is `state`. Generous by default, since the Slow
   * stories answer after 1.5 s.
   */
  expectState: (container: HTMLElement, state: string, timeout?: number) => Promise<void>;
}

/**
 * Play-function helpers for the element that carries a widget's state, e.g.
 * `widgetProbe('.podium-job-stats')` or, for the leaderboards, `'.podium-leaderboard__body'`.
 */
export function widgetProbe(selector: string): WidgetProbe {
  const root = (container: HTMLElement) => {
    const element = container.querySelector<HTMLElement>(selector);
    if (!element) throw new Error(`${selector} is not rendered`);
    return element;
  };
  return {
    root,
    expectState: async (container, state, timeout = 4000) => {
      await waitFor(() => expect(root(container)).toHaveAttribute('data-state', state), { timeout });
    },
  };
}
