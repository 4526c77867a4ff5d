import type { Creator, Member, Share, ShareChannel } from '../../src/referrals/contract.js';

/** The signed-in user of the referral mocks: send `Authorization: Bearer u_alice`. */
export const referralCurrentUserId = 'u_alice';
export const referralCreatorId = 'c_studio';
/** Where the mock referral links point, like the server's `PODIUM_PUBLIC_URL`. */
export const referralPublicUrl = 'https://podium.example';

/** A share the mocks recorded, so a test can check `POST /shares` reached them. */
export interface RecordedShare extends Share {
  memberId: string;
  templateId?: string;
}

/** The in-memory referral data: one creator, three members (the current user's first), the shares. */
export interface ReferralWorld {
  creators: Map<string, Creator>;
  members: Map<string, Member>;
  shares: RecordedShare[];
}

const stamp = '2026-03-01T12:00:00.000Z';

function member(id: string, userId: string, displayName: string, referralCode: string): Member {
  const referralLink = `${referralPublicUrl}/r/${referralCode}`;
  return {
    id,
    creatorId: referralCreatorId,
    userId,
    displayName,
    referralCode,
    referralLink,
    createdAt: stamp,
    updatedAt: stamp,
  };
}

/** A fresh world; `empty` has the creator but no members (so `GET /members/me` is a 404). */
export function createReferralWorld(options: { empty?: boolean } = {}): ReferralWorld {
  const creator: Creator = {
    id: referralCreatorId,
    name: 'Studio',
    destinationUrl: 'https://studio.example/join',
    commission: { type: 'percent', value: 10 },
    createdAt: stamp,
    updatedAt: stamp,
  };
  const members = options.empty
    ? []
    : [
        member('m_alice', referralCurrentUserId, 'Alice', 'ALC7K2QZ'),
        member('m_bob', 'u_bob', 'Bob', 'BQB7XKMR'),
        member('m_cara', 'u_cara', 'Cara', 'CARA2345'),
      ];
  return {
    creators: new Map([[creator.id, creator]]),
    members: new Map(members.map((m) => [m.id, m])),
    shares: [],
  };
}

/** The tracked link of a share, as the server builds it. */
export function trackedShareUrl(member: Member, platform: ShareChannel, shareId: string): string {
  return `${member.referralLink}?p=${encodeURIComponent(platform)}&s=${encodeURIComponent(shareId)}`;
}
