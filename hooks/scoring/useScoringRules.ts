import { useQuery } from '@tanstack/react-query';
import type { ScoringRules } from '../../src/scoring/rules.js';
import { hostRetry } from '../shared/hostRetry.js';
import { podiumQueryState, type PodiumQueryState } from '../shared/podiumQueryState.js';
import { usePodium } from '../usePodium.js';
import { scoringRulesQueryOptions } from './scoringRulesQueryOptions.js';

export interface UseScoringRulesOptions {
  /** Set to false to hold the request. @default true */
  enabled?: boolean;
}

export interface UseScoringRulesResult extends PodiumQueryState {
  /**
   * The server's rules: actions with base points, multipliers and categories, the achievement
   * catalogue, the trending decay, limits and streak settings; `undefined` until loaded.
   */
  data: ScoringRules | undefined;
}

/**
 * How points are earned (`GET /scores/rules`), to show "how to earn points" or name achievements.
 * Rules change with a deploy, not while a page is open: fetched once and fresh for an hour
 * (`scoringRulesStaleMs`), shared by every widget under the provider.
 */
export function useScoringRules(options: UseScoringRulesOptions = {}): UseScoringRulesResult {
  const { client, queryClient } = usePodium();
  const query = useQuery(
    { ...scoringRulesQueryOptions(client, { retry: hostRetry(queryClient) }), enabled: options.enabled ?? true },
    queryClient,
  );
  return { data: query.data, ...podiumQueryState(query) };
}
