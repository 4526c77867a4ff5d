import type { DocsContextProps, Parameters } from 'storybook/internal/types';
import type { ComponentType } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { AutoDocsPage } from './AutoDocsPage.js';

/** A docs page component: the default autodocs page, or a `parameters.docs.page` of a CSF file. */
export type DocsPageComponent = ComponentType<{ context: DocsContextProps }>;

const roots = new WeakMap<HTMLElement, Root>();

/**
 * Storybook's docs renderer contract (`parameters.docs.renderer`), filled in without
 * `@storybook/addon-docs`, which is not installed here. With the addon installed, delete this
 * folder and the `docs.renderer` parameter: its autodocs page takes over with the same entries.
 */
export async function docsRenderer() {
  return {
    async render(context: DocsContextProps, parameters: Parameters, element: HTMLElement) {
      const Page = (parameters.page as DocsPageComponent | undefined) ?? AutoDocsPage;
      let root = roots.get(element);
      if (!root) roots.set(element, (root = createRoot(element)));
      root.render(<Page context={context} />);
    },
    unmount(element: HTMLElement) {
      roots.get(element)?.unmount();
      roots.delete(element);
    },
  };
}
