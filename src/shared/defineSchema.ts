/**
 * Builds a module-level schema so that a bundler can drop it when nothing imports it. Write every
 * top-level schema of the contracts as
 *
 * ```ts
 * export const fooSchema = /* @__PURE__ *\/ defineSchema(() => z.object({ … }));
 * ```
 *
 * Why: a top-level call is kept by bundlers unless it is marked pure, and the mark covers one
 * call, not the calls in its arguments. zod/mini marks its own functions `@__NO_SIDE_EFFECTS__`,
 * but esbuild and webpack honour that only inside the module that declares the function, not in
 * ours. One pure call around a callback (a callback has no side effects until it runs) makes the
 * whole definition droppable with every bundler, so a host that imports `getLeaderboard` does not
 * ship the jobs or user-stats schemas. `npm run budgets` measures it.
 */
export function defineSchema<T>(build: () => T): T {
  return build();
}
