import { formatReferralAt, formatReplayReport, formatStatus, json, table } from './format';

describe('output', () => {
  it('pads table columns to their widest cell', () => {
    expect(table([['A', 'BB'], ['ccc', 'd']])).toBe('A    BB\nccc  d');
  });

  it('writes bigints in JSON as strings', () => {
    expect(json({ position: 9007199254740993n })).toBe('{\n  "position": "9007199254740993"\n}');
  });

  it('shows each projection partition and each reader, its parked count and last error', () => {
    const text = formatStatus([
      {
        kind: 'projection',
        name: 'referral-summary',
        topic: 't',
        topicExists: true,
        partitions: [{ partition: 0, nextOffset: '4', highWatermark: '6', lag: 2 }],
        totalLag: 2,
        parked: 2,
        lastError: { code: 'EVENT.MALFORMED', at: '2026-11-25T10:00:00.000Z' },
      },
      { kind: 'event-reader', name: 'kafka-relay', checkpoint: null, headPosition: '9', eventsBehind: 9, parked: 0, lastError: null },
    ]);
    expect(text).toMatch(/^referral-summary +projection +kafka t +2 +2 +EVENT.MALFORMED 2026-11-25T10:00:00.000Z$/m);
    expect(text).toMatch(/^ {2}partition 0 +4 +6 +2$/m);
    expect(formatStatus([{ kind: 'projection', name: 'p', topic: 'gone', topicExists: false, partitions: [], totalLag: 0, parked: 0, lastError: null }])).toMatch(
      /^p +projection +kafka gone \(no such topic\) +0 +none$/m,
    );
    expect(text).toMatch(/^kafka-relay +event-reader +event store +\(none\) +9 +9 +0 +none$/m);
  });

  it('names each workflow with its result, and says whether to deploy', () => {
    const text = formatReplayReport({
      passed: false,
      outcomes: [
        { workflowId: 'referral-a', runId: 'r1', verdict: 'ok', error: null },
        { workflowId: 'referral-b', runId: 'r2', verdict: 'diverged', error: 'Nondeterminism error:\n timer' },
      ],
    });
    expect(text).toMatch(/^referral-a +r1 +ok$/m);
    expect(text).toMatch(/^referral-b +r2 +diverged +Nondeterminism error: timer$/m);
    expect(text).toContain('1 of 2 histories do NOT replay on this code: do not deploy it');
    expect(formatReplayReport({ passed: true, outcomes: [] })).toContain('nothing replayed');
  });

  it('says when personal data was left out', () => {
    const text = formatReferralAt({
      referralId: 'r',
      hubId: 'h',
      asOf: { position: '5' },
      eventsApplied: 1,
      eventsInStream: 2,
      lastEvent: { type: 'ReferralReceived', streamVersion: 1, recordedAt: '2026-11-20T09:00:00.000Z', globalPosition: '5' },
      state: { status: 'Received' },
      auditCorrelationId: 'c',
    });
    expect(text).toContain('referral r (hub h) at position 5');
    expect(text).toContain('personal data left out');
    expect(text).toContain('"status": "Received"');
  });
});
