import { useMutation } from '@tanstack/react-query';
import { createShare } from '../../src/referrals/api.js';
import type { CreateShareBody, Share, ShareChannel } from '../../src/referrals/contract.js';
import type { PodiumApiError } from '../../src/shared/PodiumApiError.js';
import { usePodium } from '../usePodium.js';

/** What `track` takes: the member sharing, where, and the template shared if any. */
export interface TrackShareInput {
  memberId: string;
  platform: ShareChannel;
  templateId?: string;
}

export interface UseShareTrackingResult {
  /**
   * Records a share (`POST /shares`) and resolves with the tracked link to share, or `null` when
   * it failed: a share button calls it from an event handler, so a failure never throws into
   * render or leaves an unhandled rejection; read `error` instead.
   */
  track: (input: TrackShareInput) => Promise<Share | null>;
  /** The last tracked link, or `undefined`. */
  data: Share | undefined;
  status: 'idle' | 'pending' | 'error' | 'success';
  isPending: boolean;
  /** The last failure (a 403 for another user's member), or `null`. */
  error: PodiumApiError | null;
  reset: () => void;
}

/** Tracked share links for the signed-in member, one per share, so clicks count per platform. */
export function useShareTracking(): UseShareTrackingResult {
  const { client, queryClient } = usePodium();
  const mutation = useMutation<Share, PodiumApiError, TrackShareInput>(
    {
      mutationFn: (input) => {
        const body: CreateShareBody = { memberId: input.memberId, platform: input.platform };
        if (input.templateId !== undefined) body.templateId = input.templateId;
        return createShare(client, body);
      },
    },
    queryClient,
  );
  const { mutateAsync } = mutation;
  return {
    track: (input) => mutateAsync(input).catch(() => null),
    data: mutation.data,
    status: mutation.status,
    isPending: mutation.isPending,
    error: mutation.error,
    reset: mutation.reset,
  };
}
