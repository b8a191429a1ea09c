import { LAST_ERROR_NOT_RECORDED, partitionLag, projectionStatus } from './consumer-status';

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
  it('reports every partition of the topic in order, with the total lag and no invented error', () => {
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
    expect(status.lastError).toBe(LAST_ERROR_NOT_RECORDED);
    expect(status.topicExists).toBe(true);
  });

  it('says when the topic is not on the cluster, with no partitions and no lag', () => {
    expect(projectionStatus('referral-summary', 'gone', null, new Map([[0, '3']]))).toMatchObject({ topicExists: false, partitions: [], totalLag: 0 });
  });
});
