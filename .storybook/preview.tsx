import { QueryClient } from '@tanstack/react-query';
import type { Decorator, Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { useEffect, useState, type ReactNode } from 'react';
import { PodiumProvider, type PodiumProviderProps } from '../hooks/PodiumProvider.js';
import { labelPacks } from '../components/locales/index.js';
import '../components/styles.css';
import { jsDocArgTypes } from './jsDocArgTypes.js';

/** Page colours per theme: the widget's own --podium-bg / --podium-fg, so it sits seamlessly. */
const pageColors = {
  light: { background: '#ffffff', color: '#111827' },
  dark: { background: '#0f172a', color: '#f1f5f9' },
} as const;

type StoryTheme = keyof typeof pageColors;

/**
 * Per-story overrides of the provider, set with `parameters.podium`. Stories use it for what the
 * toolbar does not cover (labels, time zone).
 */
export interface PodiumStoryParameters {
  baseUrl?: string;
  timeZone?: string;
  labels?: PodiumProviderProps['labels'];
  /** The provider's live updates (over the mocks, which have no stream, the widgets poll). */
  live?: boolean;
}

/** A fresh QueryClient per mounted story: no cache leaks between stories or reruns. */
function createStoryQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Retries off so error stories show their error at once; a zero delay covers hooks that
      // set their own retry policy, which wins over these defaults.
      queries: { retry: false, retryDelay: 0, staleTime: Number.POSITIVE_INFINITY },
      mutations: { retry: false },
    },
  });
}

function StoryFrame({
  theme,
  locale,
  podium,
  inDocs,
  children,
}: {
  theme: StoryTheme;
  locale: string;
  podium: PodiumStoryParameters;
  /** On a docs page, where many stories share the page: no full-height frame, body left alone. */
  inDocs: boolean;
  children: ReactNode;
}) {
  const [queryClient] = useState(createStoryQueryClient);
  useEffect(() => () => queryClient.clear(), [queryClient]);
  // The canvas body shows around the padded frame: paint it too, or dark stories sit on white.
  useEffect(() => {
    if (inDocs) return;
    const { style } = document.body;
    style.background = pageColors[theme].background;
    style.colorScheme = theme;
  }, [theme, inDocs]);

  return (
    <div
      data-storybook-theme={theme}
      style={{
        ...pageColors[theme],
        colorScheme: theme,
        minHeight: inDocs ? undefined : '100vh',
        padding: '1.5rem',
        boxSizing: 'border-box',
      }}
    >
      <PodiumProvider
        baseUrl={podium.baseUrl ?? '/api'}
        getToken={() => 'storybook-token'}
        queryClient={queryClient}
        locale={locale}
        // Every pack Podium ships, so the locale toolbar can show each language; a host registers
        // only the packs it uses (they are opt-in).
        labelPacks={labelPacks}
        theme={theme}
        // A fixed zone keeps day boundaries and dates the same for every viewer and in CI.
        timeZone={podium.timeZone ?? 'UTC'}
        labels={podium.labels}
        live={podium.live ?? false}
      >
        {children}
      </PodiumProvider>
    </div>
  );
}

const withPodium: Decorator = (Story, context) => (
  // Keyed by story id so that every story mounts its own provider and QueryClient.
  <StoryFrame
    key={context.id}
    theme={context.globals.theme === 'dark' ? 'dark' : 'light'}
    locale={typeof context.globals.locale === 'string' ? context.globals.locale : 'en-US'}
    podium={(context.parameters.podium as PodiumStoryParameters | undefined) ?? {}}
    inDocs={context.viewMode === 'docs'}
  >
    <Story />
  </StoryFrame>
);

/**
 * Project annotations: MSW per story (`parameters.msw.handlers`), a Podium provider around every
 * story, theme and locale toolbars, and accessibility violations reported as failures.
 * Storybook reads this module's default export.
 */
const preview: Preview = {
  // A docs page per component from @storybook/addon-docs: live example and props from the JSDoc.
  tags: ['autodocs'],
  loaders: [mswLoader()],
  // addon-docs leaves an inline `@default x` in the description and shows types as `union`.
  argTypesEnhancers: [jsDocArgTypes],
  decorators: [withPodium],
  globalTypes: {
    theme: {
      description: 'Colour scheme of the widgets',
      toolbar: {
        title: 'Theme',
        icon: 'circlehollow',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Locale for numbers, dates and the label pack (de, es, fr, ja registered; else English)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en-US', title: 'English (US)' },
          { value: 'de-DE', title: 'Deutsch' },
          { value: 'es-ES', title: 'Español' },
          { value: 'fr-FR', title: 'Français' },
          { value: 'ja-JP', title: '日本語' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en-US' },
  parameters: {
    layout: 'fullscreen',
    options: { storySort: { order: ['Getting started', '*'] } },
    a11y: { test: 'error' },
    // Expanded: the Controls panel shows each prop's description and default, not only its control.
    controls: { expanded: true, matchers: { date: /(from|to)$/i } },
  },
};

export default preview;
