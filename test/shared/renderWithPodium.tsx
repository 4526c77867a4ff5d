import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { PodiumProviderProps } from '../../hooks/index.js';
import { providerWrapper } from './providerWrapper.js';

/** Renders `ui` under a PodiumProvider (UTC, en-US unless overridden) pointed at the test backend. */
export function renderWithPodium(ui: ReactElement, props: Partial<PodiumProviderProps> = {}) {
  const { Wrapper, queryClient } = providerWrapper(props);
  return { ...render(ui, { wrapper: Wrapper }), queryClient };
}

/** The figure shown in a KPI card (`data-kpi` name). */
export function kpiValue(container: HTMLElement, name: string): string {
  const card = container.querySelector(`[data-kpi="${name}"]`);
  if (!card) throw new Error(`no KPI card ${name}`);
  return card.querySelector('.podium-job-stats__kpi-value')?.textContent ?? '';
}
