import { formatResetReport, planReset, type PartitionFacts } from './offset-plan';

const facts: PartitionFacts[] = [
  { partition: 1, low: '0', high: '4', committed: null, checkpoint: null },
  { partition: 0, low: '2', high: '10', committed: '10', checkpoint: '9' },
];

describe('a consumer group reset plan', () => {
  describe('to the earliest retained message', () => {
    it('moves every partition to its low offset and counts what is read again from where the projection stands', () => {
      expect(planReset(facts, { kind: 'earliest' })).toEqual([
        { partition: 0, committed: '10', checkpoint: '9', target: '2', reread: 7, skipped: 0 },
        { partition: 1, committed: null, checkpoint: null, target: '0', reread: 0, skipped: 0 },
      ]);
    });

    it('stands at the committed offset for a group that is no projection', () => {
      const plain = facts.map(({ checkpoint: _, ...f }) => f);
      expect(planReset(plain, { kind: 'earliest' })[0]).toEqual({ partition: 0, committed: '10', target: '2', reread: 8, skipped: 0 });
    });

    it('takes only the partition asked for', () => {
      expect(planReset(facts, { kind: 'earliest' }, 1).map((m) => m.partition)).toEqual([1]);
    });
  });

  describe('to explicit offsets', () => {
    it('moves only the partitions named, forward as well as back', () => {
      expect(planReset(facts, { kind: 'offsets', offsets: new Map([[1, '3']]) })).toEqual([
        { partition: 1, committed: null, checkpoint: null, target: '3', reread: 0, skipped: 3 },
      ]);
    });

    it('refuses an offset outside the retained messages, and a partition the topic lacks', () => {
      expect(() => planReset(facts, { kind: 'offsets', offsets: new Map([[0, '1']]) })).toThrow('outside partition 0');
      expect(() => planReset(facts, { kind: 'offsets', offsets: new Map([[7, '0']]) })).toThrow('no partition 7');
      expect(() => planReset(facts, { kind: 'offsets', offsets: new Map([[0, '5']]) }, 1)).toThrow('different partitions');
    });
  });

  it('to a time: the first offset at or after it, the high-water mark where there is none', () => {
    const timed = [{ ...facts[1], atTime: '6' }, { ...facts[0] }];
    expect(planReset(timed, { kind: 'time', at: new Date(0) }).map((m) => [m.partition, m.target, m.reread])).toEqual([
      [0, '6', 3],
      [1, '4', 0],
    ]);
  });
});

describe('the reset report', () => {
  const moves = planReset(facts, { kind: 'earliest' });
  it('shows each partition from committed and stored offset to the new one, and says nothing changed on a dry run', () => {
    const text = formatResetReport({ group: 'g', topic: 't', projection: 'referral-summary', dryRun: true, moves });
    expect(text).toContain('projection referral-summary: its stored offsets move too');
    expect(text).toMatch(/^PARTITION +COMMITTED +CHECKPOINT +NEW +RE-READ +SKIPPED$/m);
    expect(text).toMatch(/^0 +10 +9 +2 +7 +0$/m);
    expect(text).toMatch(/^1 +\(none\) +\(none\) +0 +0 +0$/m);
    expect(text).toContain('dry run: nothing changed; 7 messages would be read again, 0 passed over');
  });

  it('has no checkpoint column for a group that is no projection, and says what moved', () => {
    const text = formatResetReport({ group: 'g', topic: 't', projection: null, dryRun: false, moves });
    expect(text).not.toContain('CHECKPOINT');
    expect(text).toContain('offsets moved: 7 messages will be read again');
  });
});
