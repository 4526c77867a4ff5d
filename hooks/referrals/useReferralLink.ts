import { queryOptions, useQuery } from '@tanstack/react-query';
import { getMyMember } from '../../src/referrals/api.js';
import type { Member } from '../../src/referrals/contract.js';
import type { ApiClient } from '../../src/shared/createApiClient.js';
import type { PodiumApiError } from '../../src/shared/PodiumApiError.js';
import { podiumKeys } from '../../src/shared/queryKeys.js';
import { hostRetry } from '../shared/hostRetry.js';
import { podiumQueryState, type PodiumQueryState } from '../shared/podiumQueryState.js';
import { podiumRetry, type RetryPolicy } from '../shared/podiumRetry.js';
import { withPodiumErrors } from '../shared/toPodiumApiError.js';
import { usePodium } from '../usePodium.js';

/**
 * React Query options for `GET /members/me?creatorId=`, keyed `podiumKeys.myMember`. Disabled for
 * an empty creator id; 4xx (a 404 included) never retry, as everywhere in Podium.
 */
export function myMemberQueryOptions(
  client: ApiClient,
  creatorId: string,
  config: { retry?: RetryPolicy } = {},
) {
  const id = creatorId.trim();
  return queryOptions<Member, PodiumApiError, Member, ReturnType<typeof podiumKeys.myMember>>({
    queryKey: podiumKeys.myMember(client.baseUrl, id),
    queryFn: ({ signal }) =>
      withPodiumErrors(signal, () => getMyMember(client, { creatorId: id }, { signal })),
    enabled: id.length > 0,
    retry: podiumRetry(config.retry),
  });
}

export interface UseReferralLinkOptions {
  /** The creator (community) whose referral link to show. */
  creatorId: string;
  /** Set to false to hold the request. An empty creator id never sends one. @default true */
  enabled?: boolean;
}

export interface UseReferralLinkResult extends PodiumQueryState {
  /** The member record; `undefined` until loaded and when not a member. */
  member: Member | undefined;
  /** The 8-character referral code, or `undefined`. */
  referralCode: string | undefined;
  /** The absolute referral link (`<public url>/r/<code>`), or `undefined`. */
  referralLink: string | undefined;
  /**
   * True when the server answered 404: the user is not a member of this community yet. A UI
   * offers to join rather than showing an error, so it is told apart from other failures
   * (`error` still holds the 404).
   */
  isNotMember: boolean;
}

/** The signed-in user's referral code and link in one creator's community (`GET /members/me`). */
export function useReferralLink(options: UseReferralLinkOptions): UseReferralLinkResult {
  const { client, queryClient } = usePodium();
  const base = myMemberQueryOptions(client, options.creatorId, { retry: hostRetry(queryClient) });
  const query = useQuery(
    { ...base, enabled: base.enabled !== false && options.enabled !== false },
    queryClient,
  );
  const member = query.data;
  return {
    member,
    referralCode: member?.referralCode,
    referralLink: member?.referralLink,
    isNotMember: query.error?.status === 404,
    ...podiumQueryState(query),
  };
}
