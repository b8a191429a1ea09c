import type { Admin } from 'kafkajs';
import type { Pool } from 'pg';
import { inTransaction } from '@app/database';
import { REFERRAL_SUMMARY_GROUP, REFERRAL_SUMMARY_PROJECTION } from '../../../projector/src/projector';
import { OpsBusyError, OpsNotFoundError, OpsUsageError } from '../ops.errors';
import { planReset, type PartitionFacts, type ResetReport, type ResetTarget } from './offset-plan';

/**
 * Consumer groups of projections. A projection seeks to the offsets it stores beside its rows
 * whenever it joins, so moving only the group's Kafka offsets would not make it read anything
 * again: its stored offsets move with them.
 */
export const PROJECTION_GROUPS: Readonly<Record<string, string>> = { [REFERRAL_SUMMARY_GROUP]: REFERRAL_SUMMARY_PROJECTION };

export interface KafkaResetRequest {
  group: string;
  topic: string;
  target: ResetTarget;
  partition?: number;
  dryRun: boolean;
}

export interface KafkaResetDependencies {
  pool: Pool;
  /** Connected by the caller. */
  kafkaAdmin: Admin;
}

/**
 * Moves a consumer group's offsets on one topic (and a projection's stored offsets with them), or
 * with `dryRun` only says where they would go and how much would be read again. Refused while the
 * group has members: a running consumer would commit its own offsets over the new ones.
 */
export async function kafkaReset({ pool, kafkaAdmin: admin }: KafkaResetDependencies, request: KafkaResetRequest): Promise<ResetReport & { activeMembers: number }> {
  const { group, topic, target } = request;
  // Asked first, as ops status does: asking offsets of a missing topic could create it.
  if (!(await admin.listTopics()).includes(topic)) throw new OpsNotFoundError(`no topic ${topic} on the cluster`);
  const { groups } = await admin.describeGroups([group]);
  const members = groups[0]?.members ?? [];
  if (members.length > 0 && !request.dryRun) {
    const clients = [...new Set(members.map((m) => `${m.clientId}@${m.clientHost}`))].join(', ');
    throw new OpsBusyError(`consumer group ${group} has ${members.length} active member(s) (${clients}): stop its consumers, then run kafka-reset again; nothing was changed`);
  }

  const projection = PROJECTION_GROUPS[group] ?? null;
  const ends = await admin.fetchTopicOffsets(topic);
  const [committed] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
  const stored = projection ? await storedOffsets(pool, projection, topic) : null;
  const atTime = target.kind === 'time' ? new Map((await admin.fetchTopicOffsetsByTimestamp(topic, target.at.getTime())).map((o) => [o.partition, o.offset])) : null;
  const facts: PartitionFacts[] = ends.map((end) => {
    const offset = committed?.partitions.find((p) => p.partition === end.partition)?.offset;
    const time = atTime?.get(end.partition);
    return {
      partition: end.partition,
      low: end.low,
      high: end.high,
      // Kafka says -1 for "none committed", and for "no message at or after that time".
      committed: offset === undefined || offset === '-1' ? null : offset,
      ...(stored ? { checkpoint: stored.get(end.partition) ?? null } : {}),
      ...(time !== undefined ? { atTime: time === '-1' ? end.high : time } : {}),
    };
  });
  let moves;
  try {
    moves = planReset(facts, target, request.partition);
  } catch (error) {
    if (error instanceof RangeError) throw new OpsUsageError(error.message);
    throw error;
  }
  const report = { group, topic, projection, dryRun: request.dryRun, moves, activeMembers: members.length };
  if (request.dryRun || moves.length === 0) return report;

  await inTransaction(pool, async (client) => {
    if (projection) {
      for (const move of moves) {
        await client.query(
          `INSERT INTO projection_checkpoints (projection, topic, partition, next_offset) VALUES ($1, $2, $3, $4)
           ON CONFLICT (projection, topic, partition) DO UPDATE SET next_offset = excluded.next_offset, updated_at = now()`,
          [projection, topic, move.partition, move.target],
        );
      }
    }
    // Inside the transaction: if Kafka refuses (a consumer joined meanwhile), the stored offsets stay.
    await admin.setOffsets({ groupId: group, topic, partitions: moves.map((m) => ({ partition: m.partition, offset: m.target })) });
  });
  return report;
}

async function storedOffsets(pool: Pool, projection: string, topic: string): Promise<Map<number, string>> {
  const { rows } = await pool.query<{ partition: number; next_offset: string }>(
    'SELECT partition, next_offset::text FROM projection_checkpoints WHERE projection = $1 AND topic = $2',
    [projection, topic],
  );
  return new Map(rows.map((r) => [r.partition, r.next_offset]));
}
