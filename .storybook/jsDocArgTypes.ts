import type { ArgTypesEnhancer, StrictInputType } from 'storybook/internal/types';

/** Longest written-out type shown in a props table; longer ones keep react-docgen's short name. */
const maxTypeLength = 100;

/**
 * Tidies react-docgen's argTypes for the Controls panel and the docs pages (addon-docs does
 * neither of these by itself, checked with 10.6): an inline
 * `@default x` in a prop's JSDoc (as in components/shared/widgetProps.ts) stays in the description,
 * so move it to the Default column; and show the written type (`2 | 3 | 4 | 5`,
 * `Partial<PodiumLabels>`) instead of its kind (`union`, `Partial`).
 */
export function tidyArgType(argType: StrictInputType): StrictInputType {
  const [text = '', jsDocDefault] = (argType.description ?? '').split(/\s*@default\s+/);
  const raw = (argType.type as { raw?: string } | undefined)?.raw?.replace(/\s+/g, ' ').trim();
  const table = { ...argType.table };
  if (jsDocDefault && !table.defaultValue) {
    table.defaultValue = { summary: jsDocDefault.replace(/\s+/g, ' ').trim() };
  }
  if (raw && raw.length <= maxTypeLength) {
    table.type = { ...table.type, summary: raw.replace(/^\| /, '') };
  }
  return { ...argType, description: text.trim(), table };
}

export const jsDocArgTypes: ArgTypesEnhancer = ({ argTypes }) =>
  Object.fromEntries(Object.entries(argTypes).map(([name, argType]) => [name, tidyArgType(argType)]));
