/** Hono environment of the Podium app: what middleware puts on the context for the routes. */
export interface AppEnv {
  Variables: {
    /** The signed-in user's id (the JWT `sub`), set by `requireUser`. */
    userId: string;
  };
}
