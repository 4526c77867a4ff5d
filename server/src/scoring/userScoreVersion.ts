const userScorePrefix = 'score:';

/**
 * A user's key in the version cache, and in the notifications that announce a change of their
 * scoring state (an event, a revocation, an adjustment): the score writer sends them after the
 * write committed, with the boards' count (`touchBoards`), and a rebuild sends `*`.
 */
export const userScoreVersionKey = (userId: string) => `${userScorePrefix}${userId}`;

/** Whether a version key is a user's (no board key starts so). */
export const isUserScoreVersionKey = (key: string) => key.startsWith(userScorePrefix);

let generation = 0;

/**
 * A value for a user's key that no other read in this process got: the version cache stores it
 * until a change of the user drops the key, and the next read gets a new one. One counter for
 * the process, since apps on one database handle share its version cache.
 */
export const newUserScoreGeneration = async (): Promise<string> => String((generation += 1));
