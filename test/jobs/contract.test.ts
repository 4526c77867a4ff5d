import { describe, expect, it } from 'vitest';
import { jobStatsQuerySchema, recordJobBodySchema } from '../../src/jobs/contract.js';

function fieldsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] {
  return (result.error?.issues ?? []).map((issue) => issue.path.join('.'));
}

describe('recordJobBodySchema', () => {
  it('accepts the note body and a bare job id', () => {
    const body = { job_id: 'j1', requested_count: 5, successful_count: 4, failed_count: 1, status: 'completed' };
    expect(recordJobBodySchema.parse(body)).toEqual(body);
    expect(recordJobBodySchema.parse({ job_id: ' j2 ' })).toEqual({ job_id: 'j2' });
  });

  it.each([
    [{ requested_count: 1 }, 'job_id'],
    [{ job_id: '' }, 'job_id'],
    [{ job_id: 'x'.repeat(201) }, 'job_id'],
    [{ job_id: 'j', requested_count: -1 }, 'requested_count'],
    [{ job_id: 'j', requested_count: 1.5 }, 'requested_count'],
    [{ job_id: 'j', requested_count: '5' }, 'requested_count'],
    [{ job_id: 'j', failed_count: 2 ** 31 }, 'failed_count'],
    [{ job_id: 'j', status: 'done' }, 'status'],
    [{ job_id: 'j', user_id: 'someone-else' }, ''],
  ])('rejects %j naming %s', (body, field) => {
    const result = recordJobBodySchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(fieldsOf(result)).toContain(field);
  });

  it('rejects outcomes above the requested count and names both outcome fields', () => {
    const result = recordJobBodySchema.safeParse({ job_id: 'j', requested_count: 3, successful_count: 2, failed_count: 2 });
    expect(fieldsOf(result).sort()).toEqual(['failed_count', 'successful_count']);
  });
});

describe('jobStatsQuerySchema', () => {
  it('fills defaults and coerces the page size from the query string', () => {
    expect(jobStatsQuerySchema.parse({ limit: '50' })).toEqual({ tz: 'UTC', limit: 50 });
  });

  it.each([
    [{ from: '2024-02-30' }, 'from'],
    [{ from: '2024-13-01' }, 'from'],
    [{ to: '2024-06-01T10:00:00' }, 'to'],
    [{ to: 'yesterday' }, 'to'],
    [{ tz: 'Nowhere/Land' }, 'tz'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '101' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
  ])('rejects %j naming %s', (query, field) => {
    expect(fieldsOf(jobStatsQuerySchema.safeParse(query))).toContain(field);
  });

  it('accepts dates and offset timestamps', () => {
    expect(jobStatsQuerySchema.safeParse({ from: '2024-02-29', to: '2024-03-01T10:00:00.123+05:30' }).success).toBe(true);
  });
});
