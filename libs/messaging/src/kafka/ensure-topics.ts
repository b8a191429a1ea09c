import type { Admin } from 'kafkajs';

/**
 * Six partitions spread referrals over consumers while keeping each referral's events in one
 * partition. Replication -1 takes the broker's default.replication.factor: 1 on the local
 * single broker, the cluster's own setting in production, with no change to this code.
 */
export const TOPIC_LAYOUT = { numPartitions: 6, replicationFactor: -1 } as const;

/** Creates the topics that do not exist yet; returns the names it created. Safe to repeat and to race. */
export async function ensureTopics(admin: Admin, topics: string[]): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
  if (missing.length === 0) return [];
  // Returns false when another process created them first; that is success here too.
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((topic) => ({ topic, ...TOPIC_LAYOUT })),
  });
  return missing;
}
