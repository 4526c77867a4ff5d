import type { AnyHandler } from 'msw';
import { setupServer } from 'msw/node';

/**
 * A stand-in for `msw-storybook-addon/csf3` under jsdom. The real loader starts a service worker
 * (`msw/browser`), which jsdom cannot run; this one applies the same per-story handlers
 * (`parameters.msw`) to an msw/node server, so stories run unchanged as tests.
 */
export const server = setupServer();

type MswParameter = AnyHandler[] | { handlers?: AnyHandler[] | Record<string, AnyHandler | AnyHandler[]> };

function resolveHandlers(parameter: MswParameter | undefined): AnyHandler[] {
  if (!parameter) return [];
  if (Array.isArray(parameter)) return parameter;
  if (!parameter.handlers) return [];
  const handlers = Array.isArray(parameter.handlers) ? parameter.handlers : Object.values(parameter.handlers);
  return handlers.flat().filter(Boolean);
}

/** Same signature as the addon's `mswLoader`: resets the handlers, then uses the story's. */
export function mswLoader() {
  return async (context: { parameters: { msw?: MswParameter } }) => {
    server.resetHandlers();
    const handlers = resolveHandlers(context.parameters.msw);
    if (handlers.length > 0) server.use(...handlers);
    return {};
  };
}
