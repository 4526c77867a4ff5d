import { useMutation, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import { recordJob } from '../../src/jobs/api.js';
import type { PodiumApiError } from '../../src/shared/PodiumApiError.js';
import type { Job, RecordJobBody } from '../../src/jobs/contract.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';
import { usePodium } from '../usePodium.js';

/** React Query mutation options, minus the request itself. */
export type UseRecordJobOptions<TOnMutateResult = unknown> = Omit<
  UseMutationOptions<Job, PodiumApiError, RecordJobBody, TOnMutateResult>,
  'mutationFn'
>;

export type UseRecordJobResult<TOnMutateResult = unknown> = UseMutationResult<
  Job,
  PodiumApiError,
  RecordJobBody,
  TOnMutateResult
>;

/**
 * Records (creates or updates) one of the signed-in user's jobs with `PATCH /stats`. On success
 * every cached job statistic is invalidated, so each JobStats on the page refreshes; the mutation
 * stays pending until those refreshes finish, so "saved" and "figures updated" arrive together.
 */
export function useRecordJob<TOnMutateResult = unknown>(
  options: UseRecordJobOptions<TOnMutateResult> = {},
): UseRecordJobResult<TOnMutateResult> {
  const { client, queryClient } = usePodium();
  return useMutation<Job, PodiumApiError, RecordJobBody, TOnMutateResult>(
    {
      ...options,
      mutationFn: (body) => recordJob(client, body),
      onSuccess: async (...args) => {
        await queryClient.invalidateQueries({ queryKey: podiumKeys.jobs() });
        await options.onSuccess?.(...args);
      },
    },
    queryClient,
  );
}
