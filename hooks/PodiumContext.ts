import type { QueryClient } from '@tanstack/react-query';
import { createContext } from 'react';
import type { LiveConnection } from '../src/live/createLiveConnection.js';
import type { ApiClient } from '../src/shared/createApiClient.js';
import type { PodiumStore } from './createPodiumStore.js';

/** Colour scheme of the Podium widgets; `system` follows the user's OS setting. */
export type PodiumTheme = 'light' | 'dark' | 'system';

/**
 * String overrides for the widgets, keyed by label name. Typed loosely here because hooks cannot
 * see the components' label table; `podium` (the components) exports the exact `PodiumLabels`.
 */
export type PodiumLabelOverrides = Readonly<Record<string, string | undefined>>;

/**
 * Label packs a host registers, by language subtag (`de`, `pt`…): the provider's `locale` picks
 * one (`de-AT` -> `de`). Podium's own are imported from `podium-kit/locales/<language>`; a host may
 * add its own language the same way.
 */
export type PodiumLabelPacks = Readonly<Record<string, PodiumLabelOverrides>>;

/** What `usePodium()` returns: everything one provider shares with the hooks below it. */
export interface PodiumContextValue {
  /** The API client every hook of this provider calls through. */
  client: ApiClient;
  /** The React Query client the hooks of this provider use. */
  queryClient: QueryClient;
  /** This provider's UI state store. */
  store: PodiumStore;
  /** BCP 47 locale for numbers, dates and the components' label pack. */
  locale: string;
  /** IANA zone for day boundaries and dates (`UTC` until mounted when not given). */
  timeZone: string;
  /** Label overrides given to the provider. */
  labels: PodiumLabelOverrides;
  /** Label packs registered with the provider, by language subtag. */
  labelPacks: PodiumLabelPacks;
  theme: PodiumTheme;
  /**
   * The provider's live connection (one stream for every watched topic), or `null` when the
   * provider's `live` is off or the connection is still loading: the hooks poll then.
   */
  live: LiveConnection | null;
}

export const PodiumContext = createContext<PodiumContextValue | null>(null);
PodiumContext.displayName = 'PodiumContext';
