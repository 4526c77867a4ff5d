import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signs a webhook body as Stripe does: `Podium-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256
 * of "<t>.<body>">`. The timestamp is signed too, so an old delivery cannot be replayed later.
 */
export function signWebhook(body: string, secret: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmac(secret, `${t}.${body}`)}`;
}

function hmac(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex');
}

/** Options of {@link verifyWebhookSignature}. */
export interface VerifyWebhookOptions {
  /** How old (or how far ahead) the signed timestamp may be, in seconds. @default 300 */
  toleranceSeconds?: number;
  /** @default new Date() */
  now?: Date;
}

/**
 * For receivers: true when `header` (the `Podium-Signature` value) signs `body` (the raw request
 * body, exactly as received) with `secret`, within the tolerance. Any `v1` entry may match
 * (several are sent while a secret is being rotated). Constant-time comparison.
 *
 * @example
 * const body = await request.text();
 * if (!verifyWebhookSignature(body, request.headers.get('podium-signature'), secret)) return new Response(null, { status: 400 });
 * const event = JSON.parse(body); // dedupe by event.id: deliveries are at least once
 */
export function verifyWebhookSignature(
  body: string,
  header: string | null | undefined,
  secret: string,
  { toleranceSeconds = 300, now = new Date() }: VerifyWebhookOptions = {},
): boolean {
  if (!header) return false;
  const parts = header.split(',').map((part) => part.trim().split('='));
  const t = Number(parts.find(([key]) => key === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(hmac(secret, `${t}.${body}`), 'hex');
  return parts
    .filter(([key, value]) => key === 'v1' && value && /^[0-9a-f]{64}$/.test(value))
    .some(([, value]) => timingSafeEqual(Buffer.from(value!, 'hex'), expected));
}
