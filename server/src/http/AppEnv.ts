/** Hono environment of the Podium app: what middleware puts on the context for the routes. */
export interface AppEnv {
  Variables: {
    /** The signed-in user's id (the JWT `sub`), set by `requireUser`. */
    userId: string;
    /**
     * The rate limiter's `RateLimit` and `RateLimit-Policy` fields for this request, set before
     * the route runs: a route answering with `plainAnswer` adds them itself (see plainAnswer.ts).
     */
    rateLimitHeaders: Record<string, string>;
    /** Set by `plainAnswer` once it added {@link rateLimitHeaders}: the limiter leaves the answer alone. */
    rateLimitHeadersSent: boolean;
    /** `createApp({ plainAnswers: false })`: plain answers are built through the context instead. */
    answerThroughContext: boolean;
  };
}
