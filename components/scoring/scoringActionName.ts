import type { ScoreCardLabels } from './scoreCardLabels.js';

/** The label of each action of the default rules (and of manual adjustments). */
const actionLabelKeys: Readonly<Record<string, keyof ScoreCardLabels>> = {
  TRADE_EXECUTE: 'scoringActionTradeExecute',
  COPY_TRADE: 'scoringActionCopyTrade',
  COPIED_BY_OTHERS: 'scoringActionCopiedByOthers',
  STAKE_SSE: 'scoringActionStake',
  PROFILE_COMPLETE: 'scoringActionProfileComplete',
  PROFILE_VERIFIED: 'scoringActionProfileVerified',
  REFERRAL_SIGNUP: 'scoringActionReferralSignup',
  REFERRAL_TRADE: 'scoringActionReferralTrade',
  FIRST_TRADE: 'scoringActionFirstTrade',
  FIRST_PROFITABLE_TRADE: 'scoringActionFirstProfitableTrade',
  TRADING_STREAK_7: 'scoringActionStreak7',
  TRADING_STREAK_30: 'scoringActionStreak30',
  ADJUSTMENT: 'scoringActionAdjustment',
};

/**
 * What to call an action (`TRADE_EXECUTE`) on screen: the host's own name from `names` first,
 * then the labels of the default rules' actions, else the action's words in sentence case
 * (`NFT_MINT` -> "Nft mint"), so a host's own actions are readable before it names them.
 */
export function scoringActionName(
  action: string,
  labels: ScoreCardLabels,
  names?: Readonly<Record<string, string | undefined>>,
): string {
  const own = names?.[action];
  if (own) return own;
  const key = actionLabelKeys[action];
  if (key) return labels[key];
  const words = action.toLowerCase().split('_').filter(Boolean).join(' ');
  return words ? words[0]!.toUpperCase() + words.slice(1) : action;
}
