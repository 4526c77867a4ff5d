import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature, signWebhook } from '../../src/webhooks/webhookSignature.js';
import {
  deliverDueWebhooks,
  maxWebhookAttempts,
  webhookBackoffMs,
} from '../../src/webhooks/webhookDeliveries.js';
import { createTestApp } from '../helpers/testApp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { scoresApiKey as apiKey, scoresClient } from './scoringFixtures.js';

const secret = 'whsec-test-0123456789abcdef';

/** A receiver on a free port: records every delivery; answers 500 to the first `failFirst`. */
async function startReceiver(failFirst = 0) {
  const received: Array<{ body: string; signature: string | undefined }> = [];
  let failures = failFirst;
  const server = createServer(async (request: IncomingMessage, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    received.push({ body, signature: request.headers['podium-signature'] as string | undefined });
    response.statusCode = failures-- > 0 ? 500 : 200;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('webhook signatures', () => {
  const at = new Date('2026-11-27T12:00:00.000Z');
  it('verify what was signed, within the tolerance, and nothing else', () => {
    const header = signWebhook('{"a":1}', secret, at);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature('{"a":1}', header, secret, { now: at })).toBe(true);
    expect(verifyWebhookSignature('{"a":2}', header, secret, { now: at })).toBe(false);
    expect(verifyWebhookSignature('{"a":1}', header, 'another-secret-0123456', { now: at })).toBe(false);
    expect(verifyWebhookSignature('{"a":1}', header, secret, { now: new Date(at.getTime() + 301_000) })).toBe(
      false,
    );
    expect(verifyWebhookSignature('{"a":1}', `${header},v1=${'0'.repeat(64)}`, secret, { now: at })).toBe(
      true,
    );
    expect(verifyWebhookSignature('{"a":1}', 't=abc,v1=zz', secret, { now: at })).toBe(false);
    expect(verifyWebhookSignature('{"a":1}', undefined, secret, { now: at })).toBe(false);
  });
});

describe('scoring webhooks', () => {
  let test: TestDatabase;
  let clock = new Date('2026-11-27T12:00:00.000Z');
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.cleanup());

  it('announces unlocks, a top-10 entry and a streak change, signed, once each, retried until delivered', async () => {
    const receiver = await startReceiver(1);
    try {
      const webhook = { url: receiver.url, secret };
      const api = scoresClient(
        createTestApp(test.db, { apiKey, now: () => clock, scoring: { webhook } }).app,
      );
      expect(
        (
          await api.record({
            eventId: 'w1',
            userId: 'hana',
            action: 'TRADE_EXECUTE',
            metadata: { volumeUSD: 20_000 },
          })
        ).status,
      ).toBe(200);
      // The write sends them in the background: wait until each was tried once (the first answered 500).
      for (let i = 0; i < 100; i++) {
        const [pending] = await test.db.query<{ n: unknown }>(
          'SELECT count(*) AS n FROM podium_webhook_deliveries WHERE attempts = 0',
        );
        if (Number(pending!.n) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      clock = new Date(clock.getTime() + webhookBackoffMs(1) + 1000);
      for (let i = 0; i < 5; i++) await deliverDueWebhooks(test.db, webhook, { now: () => clock });
      const bodies = receiver.received.map((r) => {
        expect(verifyWebhookSignature(r.body, r.signature, secret, { now: clock })).toBe(true);
        return JSON.parse(r.body) as { id: string; type: string; data: Record<string, unknown> };
      });
      const delivered = [...new Map(bodies.map((b) => [b.id, b])).values()];
      expect(
        delivered
          .map((b) => `${b.type}:${String(b.data.achievementId ?? b.data.rank ?? b.data.current)}`)
          .sort(),
      ).toEqual([
        'achievement.unlocked:first_trade',
        'achievement.unlocked:whale_trader',
        'leaderboard.rank_changed:1',
        'streak.changed:1',
      ]);
      // The one that failed came again with the same id (receivers dedupe by id).
      expect(bodies.length).toBe(delivered.length + 1);
      const [row] = await test.db.query<{ n: unknown }>(
        'SELECT count(*) AS n FROM podium_webhook_deliveries WHERE delivered_at IS NULL',
      );
      expect(Number(row!.n)).toBe(0);
    } finally {
      await receiver.close();
    }
  });

  it('gives up after the last attempt and keeps the error', async () => {
    const webhook = { url: 'http://127.0.0.1:9/unreachable', secret };
    await test.db.query(
      `INSERT INTO podium_webhook_deliveries (id, type, body, created_at, attempts, next_attempt_at)
       VALUES ('evt_giveup', 'streak.changed', '{}', now(), $1, now() - interval '1 minute')`,
      [maxWebhookAttempts - 1],
    );
    await deliverDueWebhooks(test.db, webhook, { now: () => new Date() });
    const [row] = await test.db.query<{ next_attempt_at: unknown; last_error: string | null }>(
      "SELECT next_attempt_at, last_error FROM podium_webhook_deliveries WHERE id = 'evt_giveup'",
    );
    expect(row).toMatchObject({ next_attempt_at: null });
    expect(row!.last_error).toBeTruthy();
  });
});
