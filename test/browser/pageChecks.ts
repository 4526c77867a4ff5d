import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/** The number a JobStats KPI card shows, parsed from its text (en-US grouping). */
export async function kpi(page: Page, label: string): Promise<number> {
  const card = page.locator('.podium-job-stats__kpi', {
    has: page.locator('.podium-job-stats__kpi-label', { hasText: new RegExp(`^${label}$`) }),
  });
  const text = await card.locator('.podium-job-stats__kpi-value').innerText();
  return Number(text.replace(/[^\d.]/g, ''));
}

/**
 * axe-core's violations inside `selector` (real colours, real layout), one line each; `skipRules`
 * turns off rules by id where a page breaks them on purpose.
 */
export async function axeViolations(
  page: Page,
  selector = '.podium-root',
  skipRules: readonly string[] = [],
): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(
    async ({ rootSelector, skip }) => {
      type AxeResult = { violations: { id: string; nodes: { target: string[] }[] }[] };
      type AxeOptions = { rules: Record<string, { enabled: boolean }> };
      const axe = (
        window as unknown as { axe: { run: (root: Element, options: AxeOptions) => Promise<AxeResult> } }
      ).axe;
      const rules = Object.fromEntries(skip.map((id) => [id, { enabled: false }]));
      const result = await axe.run(document.querySelector(rootSelector)!, { rules });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    },
    { rootSelector: selector, skip: [...skipRules] },
  );
}
