import { putUserBodySchema, userIdSchema, userRoute, userSchema } from 'podium-kit/core';
import type { OpenApiRoute } from '../http/openapi/OpenApiRoute.js';

const user = {
  id: 'u_alice',
  username: 'alice',
  displayName: 'Alice',
  avatarUrl: null,
  timeZone: 'Europe/Paris',
  wallets: ['0x00000000000000000000000000000000000000a1'],
  createdAt: '2026-11-01T09:30:00.000Z',
  updatedAt: '2026-11-29T09:30:00.000Z',
};

/** The routes of `usersRoutes.ts`. */
export const identityOpenApi: readonly OpenApiRoute[] = [
  {
    method: 'put',
    path: userRoute,
    summary: 'Create or update a user',
    description:
      "The host's backend tells Podium who a user is: names, avatar, time zone and wallet addresses (lower-cased; a wallet belongs to one user).",
    auth: ['apiKey'],
    pathParams: { id: { schema: userIdSchema, description: "The host's user id" } },
    body: {
      schema: putUserBodySchema,
      example: {
        username: 'alice',
        displayName: 'Alice',
        timeZone: 'Europe/Paris',
        wallets: ['0x00000000000000000000000000000000000000A1'],
      },
    },
    responses: {
      200: { description: 'Updated', schema: userSchema, example: user },
      201: { description: 'Created', schema: userSchema, example: user },
    },
    errors: [409],
  },
];
