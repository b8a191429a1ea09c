import type { KafkaMessage } from 'kafkajs';
import type { PoolClient } from '@app/database';
import { IntegrationEventSchemas, PARK_REASONS, toIntegrationEvent, toKafkaMessage } from '@app/messaging';
import { recordedReferralReceived, recordedTriageAwaited, REFERRAL_ID } from '../../../../libs/messaging/src/testing/recorded-referral-events';
import { PoisonInBatchError } from '../poison/apply-failure';
import { ProjectionCheckpoints } from '../projection-checkpoints';
import { applyReferralSummaryBatch } from './apply-batch';

const OTHER = '11111111-2222-4333-8444-555555555555';
const schemas = new IntegrationEventSchemas();

function message(offset: number, event = recordedReferralReceived() as Parameters<typeof toIntegrationEvent>[0], referralId = REFERRAL_ID): KafkaMessage {
  const recorded = { ...event, eventId: `0b9f3c1e-1111-4a2b-8c3d-${String(offset).padStart(12, '0')}`, data: { ...(event.data as object), referralId } };
  const m = toKafkaMessage(toIntegrationEvent(recorded as typeof event)!);
  return { key: Buffer.from(String(m.key)), value: Buffer.from(String(m.value)), headers: m.headers, offset: String(offset), timestamp: '0', attributes: 0 } as KafkaMessage;
}

/**
 * A PostgreSQL stand-in for the batch's SQL: no summary rows yet, saving the summary of
 * `poisoned` fails as a CHECK constraint would. Records what was parked and the savepoints.
 */
function fakeClient(poisoned: string | null, held: string[] = []) {
  const parked: unknown[][] = [];
  const statements: string[] = [];
  let aborted = false;
  const client = {
    async query(sql: string, params: unknown[] = []) {
      statements.push(sql.trim().split(/\s+/).slice(0, 3).join(' '));
      if (aborted && !sql.startsWith('ROLLBACK TO')) throw new Error('current transaction is aborted');
      if (sql.startsWith('ROLLBACK TO')) aborted = false;
      if (sql.includes('SELECT next_offset')) return { rows: [{ next_offset: '0' }] };
      if (sql.includes('FROM parked_events')) return { rows: held.map((referral_id) => ({ referral_id })) };
      if (sql.startsWith('INSERT INTO parked_events')) parked.push(params);
      if (sql.trimStart().startsWith('INSERT INTO referral_summary') && params[0] === poisoned) {
        aborted = true;
        throw Object.assign(new Error('violates check constraint'), { code: '23514', table: 'referral_summary', constraint: 'test_poison' });
      }
      return { rows: [] };
    },
  };
  return { client: client as unknown as PoolClient, parked, statements };
}

const run = (client: PoolClient, messages: KafkaMessage[], isolated: boolean) =>
  applyReferralSummaryBatch(client, new ProjectionCheckpoints('referral-summary', 't'), messages, { topic: 't', partition: 0, schemas, isolated });

describe('a batch with a poison event', () => {
  it('parks a malformed message and one its schema refuses, and applies the rest', async () => {
    const broken = message(1, recordedReferralReceived(), OTHER);
    const invalid = { ...broken, value: Buffer.from(JSON.stringify({ ...JSON.parse(String(broken.value)), data: { referralId: OTHER } })) };
    const { client, parked } = fakeClient(null);
    const outcome = await run(client, [{ ...message(0), value: Buffer.from('not json') }, invalid, message(2, recordedReferralReceived(), '22222222-2222-4333-8444-555555555555')], false);
    expect(outcome.parked.map((p) => p.code)).toEqual([PARK_REASONS.malformed, PARK_REASONS.schemaInvalid]);
    expect(outcome.applied).toBe(1);
    expect(parked.map((p) => p[8])).toEqual([PARK_REASONS.malformed, PARK_REASONS.schemaInvalid]);
    // Paths and reasons, not values.
    expect(String(parked[1][9])).toMatch(/^\/data/);
    expect(String(parked[1][9])).not.toContain('Sam');
  });

  it('in one transaction, stops at SQL failing for one event so the batch can be applied again isolated', async () => {
    const { client } = fakeClient(REFERRAL_ID);
    await expect(run(client, [message(0, recordedReferralReceived(), OTHER), message(1)], false)).rejects.toBeInstanceOf(PoisonInBatchError);
  });

  it('isolated, parks only that event and holds the later events of its referral, while other referrals apply', async () => {
    const { client, parked, statements } = fakeClient(REFERRAL_ID);
    const outcome = await run(client, [message(0), message(1, recordedReferralReceived(), OTHER), message(2, recordedTriageAwaited())], true);
    expect(outcome).toMatchObject({ applied: 1 });
    expect(outcome.parked).toEqual([
      { offset: '0', code: PARK_REASONS.applyFailed },
      { offset: '2', code: PARK_REASONS.heldBehindParked },
    ]);
    expect(parked[0][9]).toBe('Error in saving the summary; SQLSTATE 23514; table referral_summary; constraint test_poison');
    expect(statements).toContain('ROLLBACK TO SAVEPOINT');
    expect(statements.at(-1)).toBe('UPDATE projection_checkpoints SET'); // the offset moves past all three
  });

  it('holds events of a referral that already has one parked', async () => {
    const { client } = fakeClient(null, [REFERRAL_ID]);
    const outcome = await run(client, [message(5, recordedTriageAwaited()), message(6, recordedReferralReceived(), OTHER)], false);
    expect(outcome.parked).toEqual([{ offset: '5', code: PARK_REASONS.heldBehindParked }]);
    expect(outcome.applied).toBe(1);
  });
});
