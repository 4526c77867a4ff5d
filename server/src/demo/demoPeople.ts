import type { DemoMarketplace } from '../userStats/demoMarketplace.js';
import { demoUsers } from './demoUsers.js';

/** Everyone in the demo's world besides the signed-in demo users: the crowd on the boards. */
const crowdNames = [
  'Mina Okoro',
  'Jonas Berg',
  'Priya Raman',
  'Leo Duarte',
  'Hana Sato',
  'Omar Haddad',
  'Ines Costa',
  'Tomás Ruiz',
  'Yara Nasser',
  'Felix Wong',
  'Sofia Marin',
  'Kwame Mensah',
  'Elena Petrova',
  'Noah Klein',
  'Aiko Mori',
  'Rafael Lima',
  'Zoe Turner',
  'Ivan Horvat',
];

/** A person of the demo world: a demo user (who can sign in) or one of the crowd. */
export interface DemoPerson {
  id: string;
  displayName: string;
  username?: string;
  /** Their marketplace wallets: what their stats and (with a marketplace) their products come from. */
  wallets: readonly string[];
}

/** The crowd's user ids (`mina-okoro`, ...), known without a marketplace. */
export const demoCrowdIds: readonly string[] = crowdNames.map((name) =>
  name.toLowerCase().replace(/[^a-z]+/g, '-'),
);

/**
 * The demo's people, one world for every feature: the demo users, then the crowd. With the demo
 * marketplace, each of the crowd owns one of its busiest generated wallets, so the crowd's stats,
 * its products on the seller boards and its place on every board come from the same trades.
 * Without one (a real subgraph is configured) the crowd has no wallets.
 */
export function demoPeople(market?: DemoMarketplace): DemoPerson[] {
  return [
    ...demoUsers,
    ...crowdNames.map((displayName, index) => ({
      id: demoCrowdIds[index]!,
      displayName,
      wallets: market?.crowdWallets[index] ? [market.crowdWallets[index]] : [],
    })),
  ];
}
