import { createStore, type StoreApi } from 'zustand/vanilla';
import { defaultJobStatsRange, type JobStatsRange } from './jobs/resolveJobStatsRange.js';

/** UI state shared by the Podium widgets under one provider (never across providers). */
export interface PodiumState {
  /** The range uncontrolled JobStats widgets show; changing it in one moves them all. */
  jobStatsRange: JobStatsRange;
  setJobStatsRange: (range: JobStatsRange) => void;
}

/** The initial values a store can be created with. */
export type PodiumStoreInit = Partial<Pick<PodiumState, 'jobStatsRange'>>;

export type PodiumStore = StoreApi<PodiumState>;

/**
 * Creates the vanilla zustand store of one `PodiumProvider`. A vanilla store (not a global hook)
 * so that two providers on one page, or two requests on a server, never share state.
 */
export function createPodiumStore(init: PodiumStoreInit = {}): PodiumStore {
  return createStore<PodiumState>()((set) => ({
    jobStatsRange: init.jobStatsRange ?? defaultJobStatsRange,
    setJobStatsRange: (jobStatsRange) => set({ jobStatsRange }),
  }));
}
