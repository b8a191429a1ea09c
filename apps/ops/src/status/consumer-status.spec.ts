import { partitionLag, projectionStatus } from './consumer-status';

describe('partition lag', () => {
  it('is the high-water mark less the next offset to apply', () => {
    expect(partitionLag({ partition: 0, low: '0', high: '12' }, '9').lag).toBe(3);
  });

  it('is 0 when the projection has applied everything', () => {
    expect(partitionLag({ partition: 0, low: '0', high: '12' }, '12').lag).toBe(0);
  });

  it('counts from the earliest retained message when the projection stored no offset yet', () => {
    expect(partitionLag({ partition: 1, low: '5', high: '12' }, null)).toEqual({ partition: 1, nextOffset: null, highWatermark: '12', lag: 7 });
  });

  it('is never negative (a stored offset beyond a recreated topic)', () => {
    expect(partitionLag({ partition: 0, low: '0', high: '2' }, '40').lag).toBe(0);
  });

  it('handles offsets beyond 2^53 exactly', () => {
    expect(partitionLag({ partition: 0, low: '0', high: '9007199254740995' }, '9007199254740993').lag).toBe(2);
  });
});

describe('projection status', () => {
  it('reports every partition of the topic in order, with the total lag and nothing parked', () => {
    const status = projectionStatus(
      'referral-summary',
      'mash.referral-events.v1',
      [
        { partition: 2, low: '0', high: '0' },
        { partition: 0, low: '0', high: '10' },
        { partition: 1, low: '0', high: '4' },
      ],
      new Map([
        [0, '7'],
        [1, '4'],
      ]),
    );
    expect(status.partitions.map((p) => [p.partition, p.lag])).toEqual([
      [0, 3],
      [1, 0],
      [2, 0],
    ]);
    expect(status.totalLag).toBe(3);
    expect(status).toMatchObject({ parked: 0, lastError: null });
    expect(status.topicExists).toBe(true);
  });

  it('carries what the projection parked: the count and the last error', () => {
    const lastError = { code: 'EVENT.SCHEMA_INVALID', at: '2026-11-25T10:00:00.000Z' };
    expect(projectionStatus('referral-summary', 't', [], new Map(), { parked: 3, lastError })).toMatchObject({ parked: 3, lastError });
  });

  it('says when the topic is not on the cluster, with no partitions and no lag', () => {
    expect(projectionStatus('referral-summary', 'gone', null, new Map([[0, '3']]))).toMatchObject({ topicExists: false, partitions: [], totalLag: 0 });
  });
});
