/** A user of the demo data set. */
export interface DemoUser {
  /** The JWT `sub` the demo signs for this user. */
  id: string;
  displayName: string;
}

/** The seeded demo users: a busy one, a steady one and a sparse one. */
export const demoUsers: readonly DemoUser[] = [
  { id: 'alice', displayName: 'Alice Martin' },
  { id: 'bob', displayName: 'Bob Okafor' },
  { id: 'carol', displayName: 'Carol Nguyen' },
];
