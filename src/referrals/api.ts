import type { ApiClient } from '../shared/createApiClient.js';
import {
  myMemberRoute,
  sharesRoute,
  type CreateShareBody,
  type Member,
  type MyMemberQuery,
  type Share,
} from './contract.js';

/**
 * `GET /members/me?creatorId=` (user token): the signed-in user's member record in one creator's
 * community, with its referral code and link. A user who is not a member yet rejects with a 404
 * `PodiumApiError`, which the hooks report apart from other failures.
 */
export function getMyMember(
  client: ApiClient,
  query: MyMemberQuery,
  options: { signal?: AbortSignal } = {},
): Promise<Member> {
  return client.request<Member>({
    method: 'GET',
    path: myMemberRoute,
    query: { creatorId: query.creatorId },
    signal: options.signal,
  });
}

/**
 * `POST /shares` (the member's own user token): records a share and answers the tracked link to
 * share, so clicks are counted per platform. Another user's member rejects with a 403.
 */
export function createShare(client: ApiClient, body: CreateShareBody): Promise<Share> {
  return client.request<Share>({ method: 'POST', path: sharesRoute, body });
}
