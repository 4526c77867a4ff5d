import {
  liveEventsQuerySchema,
  liveEventsRoute,
  liveTicketResponseSchema,
  liveTicketsRoute,
} from 'podium-kit/core';
import type { OpenApiRoute } from '../http/openapi/OpenApiRoute.js';

/** The routes of `liveRoutes.ts`. */
export const liveOpenApi: readonly OpenApiRoute[] = [
  {
    method: 'get',
    path: liveEventsRoute,
    summary: 'Live updates of the watched topics (Server-Sent Events)',
    description: [
      'A `text/event-stream` of what changed: `leaderboard.changed`, `score.changed`, `achievement.unlocked`, `stats.changed`, `jobs.changed`, each with `id:` and the data `{ topic, version, at }`; refetch the topic through its endpoint after one. Heartbeats are comment lines; `retry:` says when to reconnect.',
      'Topics, comma-separated: `points:<board key>`, `sellers:all-time|<YYYY-MM>`, `stats:<userId>`, `score:<userId>`, `achievements:<userId>` (public) and `jobs:<userId>` (private: a `ticket` of that user from `POST /events/tickets`, or its bearer token). User ids are URL-encoded inside the topic.',
      '`Last-Event-ID` (or `lastEventId`) replays the events missed in the last minutes; an older or unknown id gets a `reset` event (`{ reason }`): refetch everything watched.',
    ].join('\n\n'),
    query: liveEventsQuerySchema,
    responses: {
      200: {
        description: 'The stream (it stays open)',
        contentType: 'text/event-stream',
        headers: { 'Cache-Control': '`no-cache`' },
      },
    },
    errors: [403, 503],
  },
  {
    method: 'post',
    path: liveTicketsRoute,
    summary: "A ticket for the signed-in user's private topics",
    description:
      '`EventSource` cannot send an `Authorization` header: put the ticket in the stream URL (`ticket=`). It opens streams for 60 seconds; ask for a new one before each reconnect.',
    auth: ['user'],
    responses: {
      200: {
        description: 'The ticket',
        schema: liveTicketResponseSchema,
        example: {
          ticket: 'YWxpY2U.1764388860000.q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c',
          expiresAt: '2026-11-29T04:01:00.000Z',
          userId: 'alice',
        },
      },
    },
  },
];
