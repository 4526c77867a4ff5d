import {
  conversionChargebackRoute,
  conversionIdSchema,
  conversionRefundRoute,
  conversionSchema,
  conversionsRoute,
  fraudReviewRoute,
  fraudReviewsQuerySchema,
  fraudReviewsResponseSchema,
  fraudReviewsRoute,
  recordConversionBodySchema,
  reverseConversionBodySchema,
  reviewDecisionBodySchema,
} from 'podium-kit/core';
import type { OpenApiRoute } from '../http/openapi/OpenApiRoute.js';

const conversion = {
  conversionId: 'order-5001',
  creatorId: 'acme',
  memberId: 'm_alice',
  clickId: 'clk_3hf82kd9',
  shareId: 'shr_8f2k1',
  platform: 'x',
  amount: { amount: 120, currency: 'USD' },
  commission: { amount: 12, currency: 'USD' },
  riskScore: 10,
  status: 'approved',
  reasons: [{ signal: 'suspiciousTiming', points: 10, detail: 'Converted 4 s after the click' }],
  review: null,
  occurredAt: '2026-11-29T09:30:00.000Z',
  createdAt: '2026-11-29T09:30:01.000Z',
  reversedAt: null,
};
const conversionId = { id: { schema: conversionIdSchema, description: "The host's conversion id" } };

const reversal = (kind: 'refund' | 'chargeback', path: string): OpenApiRoute => ({
  method: 'post',
  path,
  summary: kind === 'refund' ? 'Refund a conversion' : 'Record a chargeback',
  description: `Takes the commission back; idempotent. The body (an optional \`reason\`) may be empty. A ${kind} also counts against the member's fraud history.`,
  auth: ['apiKey'],
  pathParams: conversionId,
  body: { schema: reverseConversionBodySchema, required: false, example: { reason: 'Customer cancelled' } },
  responses: {
    200: {
      description: 'The reversed conversion',
      schema: conversionSchema,
      example: {
        ...conversion,
        status: kind === 'refund' ? 'refunded' : 'chargedBack',
        reversedAt: '2026-11-30T10:00:00.000Z',
      },
    },
  },
  errors: [404],
});

/** The routes of `conversionsRoutes.ts`: conversions, reversals and the fraud review queue. */
export const conversionsOpenApi: readonly OpenApiRoute[] = [
  {
    method: 'post',
    path: conversionsRoute,
    summary: 'Record a conversion',
    description:
      'A referred purchase, attributed by `clickId` (the `podium_ref` cookie) or `referralCode`. It is scored by the fraud rules: `approved`, `flagged` (waits for a review) or `blocked`. Idempotent by `conversionId` (the same id with another body is a 409).',
    auth: ['apiKey'],
    body: {
      schema: recordConversionBodySchema,
      example: {
        conversionId: 'order-5001',
        clickId: 'clk_3hf82kd9',
        amount: 120,
        currency: 'USD',
        referee: { email: 'bob@example.com' },
      },
    },
    responses: {
      200: { description: 'Already recorded with this body', schema: conversionSchema, example: conversion },
      201: { description: 'Recorded and scored', schema: conversionSchema, example: conversion },
    },
    errors: [409, 422],
  },
  reversal('refund', conversionRefundRoute),
  reversal('chargeback', conversionChargebackRoute),
  {
    method: 'get',
    path: fraudReviewsRoute,
    summary: 'Flagged conversions waiting for a review',
    auth: ['apiKey'],
    query: fraudReviewsQuerySchema,
    responses: {
      200: {
        description: 'A page of the queue, oldest first',
        schema: fraudReviewsResponseSchema,
        example: {
          reviews: [{ ...conversion, status: 'flagged', riskScore: 55 }],
          total: 1,
          offset: 0,
          limit: 50,
        },
      },
    },
  },
  {
    method: 'post',
    path: fraudReviewRoute,
    summary: 'Approve or reject a flagged conversion',
    auth: ['apiKey'],
    pathParams: { conversionId: conversionId.id },
    body: {
      schema: reviewDecisionBodySchema,
      example: { decision: 'approve', reviewer: 'u_ops', note: 'Known customer' },
    },
    responses: {
      200: {
        description: 'The decided conversion',
        schema: conversionSchema,
        example: {
          ...conversion,
          review: {
            decision: 'approve',
            reviewer: 'u_ops',
            note: 'Known customer',
            decidedAt: '2026-11-29T10:00:00.000Z',
          },
        },
      },
    },
    errors: [404, 409],
  },
];
