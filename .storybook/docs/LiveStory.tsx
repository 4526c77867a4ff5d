import type { DocsContextProps, PreparedStory } from 'storybook/internal/types';
import { useEffect, useRef } from 'react';

/**
 * One story rendered live inside a docs page, through the preview's own pipeline (loaders, so
 * its MSW handlers; decorators, so its PodiumProvider). Only one per page: MSW's handlers are
 * global to the page, so two stories with different mocks would answer each other's requests.
 */
export function LiveStory({ context, story }: { context: DocsContextProps; story: PreparedStory }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const teardown = context.renderStoryToElement(
      story,
      element,
      {
        showMain: () => {},
        showError: ({ title }) => console.error(title),
        showException: (error) => console.error(error),
      },
      // The play functions are tests (they click and type); on a docs page the story just sits.
      { autoplay: false, forceInitialArgs: true },
    );
    return () => void teardown();
  }, [context, story]);
  return (
    <div
      ref={ref}
      data-docs-story={story.id}
      style={{ border: '1px solid #e5e7eb', borderRadius: 8, overflow: 'hidden', margin: '1rem 0 2rem' }}
    />
  );
}
