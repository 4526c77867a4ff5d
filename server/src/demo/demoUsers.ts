/** A user of the demo data set. */
export interface DemoUser {
  /** The JWT `sub` the demo signs for this user. */
  id: string;
  displayName: string;
  /** Registered as the user's username (stats can be looked up by it). */
  username: string;
  /** Verified wallets: the demo marketplace trades with them (alice has two). */
  wallets: readonly string[];
}

/** The seeded demo users: a busy one, a steady one and a sparse one. */
export const demoUsers: readonly DemoUser[] = [
  {
    id: 'alice',
    displayName: 'Alice Martin',
    username: 'alice.art',
    wallets: ['0xa11ce00000000000000000000000000000000001', '0xa11ce00000000000000000000000000000000002'],
  },
  {
    id: 'bob',
    displayName: 'Bob Okafor',
    username: 'bobcollects',
    wallets: ['0xb0b0000000000000000000000000000000000001'],
  },
  {
    id: 'carol',
    displayName: 'Carol Nguyen',
    username: 'carol',
    wallets: ['0xca7010000000000000000000000000000000000a'],
  },
];
