import { Hono } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import {
  errorCodes,
  liveEventsQuerySchema,
  liveEventsRoute,
  liveResetEvent,
  liveTicketsRoute,
  parseLiveTopic,
} from 'podium-kit/core';
import { bearerToken, requireUser } from '../auth/guards.js';
import type { UserTokenVerifier } from '../auth/userTokens.js';
import { HttpError } from '../errors.js';
import type { AppEnv } from '../http/AppEnv.js';
import { clientIp } from '../http/clientIp.js';
import type { LiveDelivery } from './liveHub.js';
import type { LiveContext } from './liveOf.js';
import { topicKeyOf } from './livePublisher.js';

/** Writes a slow client has not taken yet before its stream is closed (it resumes from its last id). */
const maxQueuedWrites = 256;

/** `GET /events` (the stream) and `POST /events/tickets`. */
export function createLiveRoutes(options: {
  live: LiveContext;
  userTokens: UserTokenVerifier;
  trustProxy: boolean;
}): Hono<AppEnv> {
  const { live, userTokens, trustProxy } = options;
  const { hub, tickets, settings } = live;
  const routes = new Hono<AppEnv>();

  routes.post(liveTicketsRoute, requireUser(userTokens), async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await tickets.issue(c.get('userId')), 200);
  });

  routes.get(liveEventsRoute, async (c) => {
    const query = liveEventsQuerySchema.parse(c.req.query());
    const topics = query.topics.map((topic) => parseLiveTopic(topic)!);
    // Who is asking: a ticket (browsers), else a user token (other clients), else nobody.
    const presented = bearerToken(c);
    const userId = query.ticket
      ? await tickets.verify(query.ticket)
      : presented
        ? await userTokens.verify(presented)
        : undefined;
    const privateTopics = topics.filter((topic) => topic.private);
    if (privateTopics.length > 0 && userId === undefined) {
      throw new HttpError(
        401,
        errorCodes.unauthorized,
        'Private topics need a ticket: ask POST /events/tickets',
        {
          fields: { ticket: ['is required for private topics'] },
        },
      );
    }
    const others = privateTopics.filter((topic) => topic.subject !== userId);
    if (others.length > 0) {
      throw new HttpError(403, errorCodes.forbidden, "A ticket opens only its own user's private topics", {
        fields: { topics: [`names another user's private topics`] },
      });
    }

    const client = userId === undefined ? `ip:${clientIp(c, trustProxy)}` : `user:${userId}`;
    if (
      !hub.acquire(client, { perClient: settings.maxConnectionsPerClient, total: settings.maxConnections })
    ) {
      c.header('Retry-After', '10');
      throw new HttpError(
        429,
        errorCodes.rateLimited,
        `Too many open streams: at most ${settings.maxConnectionsPerClient} per client; watch every topic on one stream`,
      );
    }

    // Subscribed before the stream starts: a failure is still a 503 (the widgets poll), and
    // nothing published while the missed events are replayed is lost.
    const keys = new Set(topics.map((topic) => topicKeyOf(topic.kind, topic.subject)));
    const early: Array<LiveDelivery | 'gap'> = [];
    let deliver: ((item: LiveDelivery | 'gap') => void) | undefined;
    let unsubscribe: () => void;
    try {
      unsubscribe = await hub.subscribe({
        keys,
        onEvent: (event) => (deliver ? deliver(event) : early.push(event)),
        onGap: () => (deliver ? deliver('gap') : early.push('gap')),
      });
    } catch {
      hub.release(client);
      throw new HttpError(503, errorCodes.unavailable, 'Live updates are unavailable; poll instead');
    }
    const lastEventId = c.req.header('last-event-id') ?? query.lastEventId;

    c.header('X-Accel-Buffering', 'no'); // nginx would otherwise hold events back
    return streamSSE(c, async (stream) => {
      let queued = 0;
      let writing: Promise<unknown> = Promise.resolve();
      let finish!: () => void;
      const finished = new Promise<void>((resolve) => (finish = resolve));
      const send = (write: (s: SSEStreamingApi) => Promise<unknown>) => {
        if (stream.aborted || stream.closed) return;
        if (++queued > maxQueuedWrites) return finish();
        writing = writing.then(() => write(stream)).finally(() => (queued -= 1));
      };
      const sendEvent = (event: LiveDelivery) =>
        send((s) =>
          s.writeSSE({
            id: String(event.id),
            event: event.event,
            data: JSON.stringify({ topic: event.topic, version: event.version, at: event.at }),
          }),
        );
      const sendReset = (reason: string) =>
        send((s) => s.writeSSE({ event: liveResetEvent, data: JSON.stringify({ reason }) }));
      stream.onAbort(finish);
      if (stream.aborted) finish(); // gone before the callback ran
      const heartbeat = setInterval(() => send((s) => s.write(': heartbeat\n\n')), settings.heartbeatMs);
      try {
        // The first bytes go out at once, so the client knows the stream is open.
        send((s) => s.write(`retry: ${settings.retryMs}\n: connected\n\n`));
        const replayed = new Set<number>();
        if (lastEventId !== undefined) {
          // Missed events that cannot be read (the database is away) are a reason to refetch.
          const replay = await hub
            .replay(keys, lastEventId.trim())
            .catch(() => ({ reset: 'unavailable' as const }));
          if ('reset' in replay) sendReset(replay.reset);
          else
            for (const event of replay.events) {
              replayed.add(event.id);
              sendEvent(event);
            }
        }
        deliver = (item) => {
          if (item === 'gap') sendReset('missed');
          else if (!replayed.has(item.id)) sendEvent(item);
        };
        for (const item of early.splice(0)) deliver(item);
        await finished;
      } finally {
        clearInterval(heartbeat);
        unsubscribe();
        hub.release(client);
      }
    });
  });

  return routes;
}
