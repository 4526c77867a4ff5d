import type { ScoringRules } from './rules.js';

/**
 * The default rule set: design note 003's action table as data, with its milestones derived
 * by the engine and the catalogue of achievements issue 11 names. A host replaces it whole.
 */
export const defaultScoringRules: ScoringRules = {
  actions: {
    TRADE_EXECUTE: {
      base: 10,
      category: 'trading',
      description: 'Execute a trade',
      multipliers: [
        {
          kind: 'tiers',
          field: 'volumeUSD',
          tiers: [
            { min: 10_000, factor: 5 },
            { min: 5_000, factor: 3 },
            { min: 1_000, factor: 2 },
            { min: 100, factor: 1.5 },
          ],
        },
        {
          kind: 'tiers',
          field: 'profitPercent',
          tiers: [
            { min: 100, factor: 3 },
            { min: 50, factor: 2 },
            { min: 10, factor: 1.5 },
          ],
        },
      ],
    },
    COPY_TRADE: {
      base: 5,
      category: 'copying',
      description: 'Copy a trade',
      multipliers: [
        { kind: 'flag', field: 'success', factor: 2 },
        {
          kind: 'tiers',
          field: 'delayMs',
          tiers: [
            { below: 1_000, factor: 2 },
            { below: 5_000, factor: 1.5 },
          ],
        },
      ],
    },
    COPIED_BY_OTHERS: {
      base: 20,
      category: 'influence',
      description: 'Get your trade copied',
      multipliers: [{ kind: 'proportional', field: 'copierCount', max: 10 }],
    },
    STAKE_SSE: {
      base: 15,
      category: 'staking',
      description: 'Stake tokens',
      multipliers: [
        {
          kind: 'tiers',
          field: 'amount',
          tiers: [
            { min: 100_000, factor: 5 },
            { min: 50_000, factor: 3 },
            { min: 10_000, factor: 2 },
          ],
        },
        {
          kind: 'tiers',
          field: 'days',
          tiers: [
            { min: 365, factor: 3 },
            { min: 180, factor: 2 },
            { min: 30, factor: 1.5 },
          ],
        },
      ],
    },
    PROFILE_COMPLETE: { base: 50, category: 'social', oneTime: true, description: 'Complete your profile' },
    PROFILE_VERIFIED: { base: 100, category: 'social', oneTime: true, description: 'Verify your profile' },
    REFERRAL_SIGNUP: { base: 100, category: 'referral', description: 'Refer someone who signs up' },
    REFERRAL_TRADE: { base: 25, category: 'referral', description: 'A referral makes a trade' },
    FIRST_TRADE: {
      base: 100,
      category: 'milestone',
      milestone: { action: 'TRADE_EXECUTE' },
      description: 'Your first trade',
    },
    FIRST_PROFITABLE_TRADE: {
      base: 200,
      category: 'milestone',
      milestone: { action: 'TRADE_EXECUTE', field: 'profitPercent', above: 0 },
      description: 'Your first profitable trade',
    },
    TRADING_STREAK_7: {
      base: 500,
      category: 'milestone',
      milestone: { streakDays: 7 },
      description: 'Trade 7 days in a row',
    },
    TRADING_STREAK_30: {
      base: 2000,
      category: 'milestone',
      milestone: { streakDays: 30 },
      description: 'Trade 30 days in a row',
    },
  },
  achievements: [
    {
      id: 'first_trade',
      name: 'First trade',
      description: 'Execute your first trade',
      condition: { kind: 'action', action: 'FIRST_TRADE' },
    },
    {
      id: 'first_profitable_trade',
      name: 'In the green',
      description: 'Close your first profitable trade',
      condition: { kind: 'action', action: 'FIRST_PROFITABLE_TRADE' },
    },
    {
      id: 'trading_streak_7',
      name: 'Week streak',
      description: 'Trade 7 days in a row',
      condition: { kind: 'action', action: 'TRADING_STREAK_7' },
    },
    {
      id: 'trading_streak_30',
      name: 'Month streak',
      description: 'Trade 30 days in a row',
      condition: { kind: 'action', action: 'TRADING_STREAK_30' },
    },
    {
      id: 'profile_complete',
      name: 'All set',
      description: 'Complete your profile',
      condition: { kind: 'action', action: 'PROFILE_COMPLETE' },
    },
    {
      id: 'profile_verified',
      name: 'Verified',
      description: 'Verify your profile',
      condition: { kind: 'action', action: 'PROFILE_VERIFIED' },
    },
    {
      id: 'whale_trader',
      name: 'Whale',
      description: 'Make a trade of at least 10,000 USD',
      condition: { kind: 'event', action: 'TRADE_EXECUTE', field: 'volumeUSD', min: 10_000 },
    },
    {
      id: 'trades_10',
      name: '10 trades',
      description: 'Execute 10 trades',
      condition: { kind: 'count', action: 'TRADE_EXECUTE', count: 10 },
    },
    {
      id: 'trades_100',
      name: '100 trades',
      description: 'Execute 100 trades',
      condition: { kind: 'count', action: 'TRADE_EXECUTE', count: 100 },
    },
    {
      id: 'trades_1000',
      name: '1,000 trades',
      description: 'Execute 1,000 trades',
      condition: { kind: 'count', action: 'TRADE_EXECUTE', count: 1000 },
    },
    {
      id: 'points_1000',
      name: '1,000 points',
      description: 'Earn 1,000 points',
      condition: { kind: 'points', points: 1000 },
    },
    {
      id: 'points_10000',
      name: '10,000 points',
      description: 'Earn 10,000 points',
      condition: { kind: 'points', points: 10_000 },
    },
    {
      id: 'points_100000',
      name: '100,000 points',
      description: 'Earn 100,000 points',
      condition: { kind: 'points', points: 100_000 },
    },
  ],
  trending: { decayPerDay: 0.9, epoch: '2026-01-01' },
  limits: { maxPointsPerEvent: 10_000, maxPointsPerUserPerDay: 100_000, maxEventsPerUserPerMinute: 5_000 },
  streaks: { action: 'TRADE_EXECUTE', initialFreezes: 1, earnFreezeEveryDays: 7, maxFreezes: 3 },
};
