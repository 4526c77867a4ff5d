import { useMutation, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import { recordAction, recordActions } from '../../src/scoring/api.js';
import type { EventResult, ScoreEventInput } from '../../src/scoring/contract.js';
import type { PodiumApiError } from '../../src/shared/PodiumApiError.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';
import { usePodium } from '../usePodium.js';

/** What `mutate` takes: one event (`POST` of the event) or a list of up to 1,000 (`{ events }`). */
export type RecordActionInput = ScoreEventInput | readonly ScoreEventInput[];

/** What a recording resolves with: the server's results and what they add up to. */
export interface RecordActionResult {
  /** One result per event, in the order sent (a single event gives one). */
  results: EventResult[];
  /**
   * Achievement ids unlocked by the events scored just now (their milestones' included), in
   * order, without duplicates: what a UI announces. Replays never repeat them.
   */
  achievements: string[];
  /** Points the events scored just now (milestones included); replays, ignored events and conflicts add 0. */
  points: number;
}

/** React Query mutation options, minus the request itself. */
export type UseRecordActionOptions<TOnMutateResult = unknown> = Omit<
  UseMutationOptions<RecordActionResult, PodiumApiError, RecordActionInput, TOnMutateResult>,
  'mutationFn'
>;

export type UseRecordActionResult<TOnMutateResult = unknown> = UseMutationResult<
  RecordActionResult,
  PodiumApiError,
  RecordActionInput,
  TOnMutateResult
> & {
  /** Achievement ids the last successful recording unlocked (`data.achievements`); `[]` otherwise. */
  achievements: string[];
};

const none: string[] = [];

/**
 * Sums a list of results: the points and achievements of the events scored now. A replay
 * answers its first result again, so its achievements were announced the first time.
 */
export function summarizeEventResults(results: readonly EventResult[]): RecordActionResult {
  const achievements: string[] = [];
  let points = 0;
  for (const result of results) {
    if (result.status !== 'scored') continue;
    points += result.points + result.milestones.reduce((sum, milestone) => sum + milestone.points, 0);
    for (const id of result.achievements) if (!achievements.includes(id)) achievements.push(id);
  }
  return { results: [...results], achievements, points };
}

/**
 * Records what a user did with `POST /scores/actions`, one event or a batch, through the
 * provider's client. Writing needs the API key, so point the provider (or a second one) at your
 * own backend, which checks the user and forwards the events with the key; browsers never hold it.
 * Each event carries its `eventId` (the idempotency key): resending after a network failure is
 * safe, a replay scores nothing twice. A reused id with a different payload rejects with a 409
 * for a single event, or comes back as a `conflict` result in a batch.
 *
 * On success every cached score, achievement list and points board is invalidated, and the
 * mutation stays pending until they have refreshed, so the card, the boards and the
 * announcement of `achievements` arrive together.
 */
export function useRecordAction<TOnMutateResult = unknown>(
  options: UseRecordActionOptions<TOnMutateResult> = {},
): UseRecordActionResult<TOnMutateResult> {
  const { client, queryClient } = usePodium();
  const mutation = useMutation<RecordActionResult, PodiumApiError, RecordActionInput, TOnMutateResult>(
    {
      ...options,
      mutationFn: async (input) => {
        if (isEventList(input)) return summarizeEventResults((await recordActions(client, input)).results);
        return summarizeEventResults([await recordAction(client, input)]);
      },
      onSuccess: async (...args) => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: podiumKeys.userScores() }),
          queryClient.invalidateQueries({ queryKey: podiumKeys.achievements() }),
          queryClient.invalidateQueries({
            queryKey: podiumKeys.leaderboards(),
            predicate: (query) => query.queryKey[3] === 'points',
          }),
        ]);
        await options.onSuccess?.(...args);
      },
    },
    queryClient,
  );
  return { ...mutation, achievements: mutation.data?.achievements ?? none };
}

function isEventList(input: RecordActionInput): input is readonly ScoreEventInput[] {
  return Array.isArray(input);
}
