import { OpsUsageError } from '../ops.errors';
import { parseCommand } from './arguments';

const now = new Date('2026-11-25T12:00:00.000Z');
const referralId = '6f1c2a4e-9b7d-4c3e-8a1f-2d5e6b7c8d9e';
const parse = (...argv: string[]) => parseCommand(argv, now, { USER: 'oncall-1' });

describe('ops command line', () => {
  it('shows help without a command', () => {
    expect(parse()).toEqual({ command: 'help' });
    expect(parse('--help')).toEqual({ command: 'help' });
  });

  it('refuses an unknown command or option as a usage error', () => {
    expect(() => parse('rebuild')).toThrow(OpsUsageError);
    expect(() => parse('rebuild-projection')).toThrow(OpsUsageError);
    expect(() => parse('status', '--verbose')).toThrow(OpsUsageError);
  });

  describe('status', () => {
    it('prints a table unless --json', () => {
      expect(parse('status')).toEqual({ command: 'status', json: false });
      expect(parse('status', '--json')).toEqual({ command: 'status', json: true });
    });
  });

  describe('replay-check', () => {
    it('checks the last 7 days by default', () => {
      expect(parse('replay-check')).toEqual({
        command: 'replay-check',
        json: false,
        since: new Date('2026-11-18T12:00:00.000Z'),
        workflowIds: [],
        taskQueue: undefined,
        historiesDir: undefined,
      });
    });

    it('takes a window start, several workflow ids and a task queue', () => {
      expect(parse('replay-check', '--since', '2026-11-01T00:00:00Z', '--workflow-id', 'referral-a', '--workflow-id', 'referral-b', '--task-queue', 'q', '--json')).toMatchObject({
        since: new Date('2026-11-01T00:00:00Z'),
        workflowIds: ['referral-a', 'referral-b'],
        taskQueue: 'q',
        json: true,
      });
    });

    it('refuses a time without a zone (it would be read in the local zone)', () => {
      expect(() => parse('replay-check', '--since', '2026-11-01T00:00:00')).toThrow(/ISO time with a zone/);
      expect(() => parse('replay-check', '--since', 'yesterday')).toThrow(OpsUsageError);
    });

    it('replays files instead of Temporal with --histories, and refuses Temporal selectors beside it', () => {
      expect(parse('replay-check', '--histories', 'test/workflows/histories')).toMatchObject({ historiesDir: 'test/workflows/histories' });
      expect(() => parse('replay-check', '--histories', 'dir', '--workflow-id', 'referral-a')).toThrow(OpsUsageError);
    });
  });

  describe('referral-at', () => {
    it('takes a time, and the operator from $USER', () => {
      expect(parse('referral-at', referralId, '--at', '2026-11-20T10:00:00+01:00')).toEqual({
        command: 'referral-at',
        json: false,
        referralId,
        cutoff: { at: new Date('2026-11-20T09:00:00.000Z') },
        operator: 'oncall-1',
        purpose: null,
        includePersonalData: false,
      });
    });

    it('takes a global position as a bigint', () => {
      expect(parse('referral-at', referralId, '--position', '9007199254740993', '--operator', 'ops-2')).toMatchObject({
        cutoff: { position: 9007199254740993n },
        operator: 'ops-2',
      });
    });

    it('needs exactly one of --at and --position', () => {
      expect(() => parse('referral-at', referralId)).toThrow(/exactly one/);
      expect(() => parse('referral-at', referralId, '--at', '2026-11-20T10:00:00Z', '--position', '3')).toThrow(/exactly one/);
      expect(() => parse('referral-at', referralId, '--position', '3.5')).toThrow(/whole number/);
      expect(() => parse('referral-at', referralId, '--position', '-3')).toThrow(OpsUsageError);
    });

    it('needs a referral id', () => {
      expect(() => parse('referral-at', '--position', '3')).toThrow(/referral id/);
      expect(() => parse('referral-at', 'not-a-uuid', '--position', '3')).toThrow(/referral id/);
    });

    it('includes personal data only with a purpose code', () => {
      expect(() => parse('referral-at', referralId, '--position', '3', '--include-personal-data')).toThrow(/--purpose/);
      expect(() => parse('referral-at', referralId, '--position', '3', '--include-personal-data', '--purpose', 'because I was asked')).toThrow(/--purpose must be one of/);
      expect(parse('referral-at', referralId, '--position', '3', '--include-personal-data', '--purpose', 'case-review')).toMatchObject({
        includePersonalData: true,
        purpose: 'case-review',
      });
    });

    it('needs an operator when there is no $USER', () => {
      expect(() => parseCommand(['referral-at', referralId, '--position', '3'], now, {})).toThrow(/--operator/);
    });
  });

  describe('rebuild-projection', () => {
    it('starts a rebuild of a known projection, 1000 events per transaction by default', () => {
      expect(parse('rebuild-projection', 'referral-summary')).toEqual({ command: 'rebuild-projection', json: false, projection: 'referral-summary', mode: 'start', pageSize: 1000 });
      expect(parse('rebuild-projection', 'referral-summary', '--resume', '--page-size', '200', '--json')).toMatchObject({ mode: 'resume', pageSize: 200, json: true });
      expect(parse('rebuild-projection', 'referral-summary', '--restart')).toMatchObject({ mode: 'restart' });
    });

    it('refuses an unknown projection, both --resume and --restart, and a page size that is not a count', () => {
      expect(() => parse('rebuild-projection', 'referral_summary')).toThrow(/referral-summary/);
      expect(() => parse('rebuild-projection', 'referral-summary', '--resume', '--restart')).toThrow(/not both/);
      expect(() => parse('rebuild-projection', 'referral-summary', '--page-size', '0')).toThrow(/--page-size/);
      expect(() => parse('rebuild-projection', 'referral-summary', '--page-size', '1e3')).toThrow(/--page-size/);
    });

    it('drops old tables with --drop-old, and nothing else', () => {
      expect(parse('rebuild-projection', 'referral-summary', '--drop-old')).toEqual({ command: 'drop-old-projection-tables', json: false, projection: 'referral-summary' });
      expect(() => parse('rebuild-projection', 'referral-summary', '--drop-old', '--resume')).toThrow(OpsUsageError);
    });
  });

  describe('parked', () => {
    it('lists, by consumer, resolved ones too with --all', () => {
      expect(parse('parked', 'list')).toEqual({ command: 'parked-list', json: false, consumer: undefined, all: false });
      expect(parse('parked', 'list', '--consumer', 'referral-summary', '--all', '--json')).toEqual({ command: 'parked-list', json: true, consumer: 'referral-summary', all: true });
    });

    it('retries one event, or every one of a consumer, as the operator', () => {
      expect(parse('parked', 'retry', '12', '--operator', 'u-1')).toEqual({ command: 'parked-retry', json: false, operator: 'u-1', id: '12' });
      expect(parse('parked', 'retry', '--all', '--consumer', 'kafka-relay', '--operator', 'u-1')).toMatchObject({ command: 'parked-retry-all', consumer: 'kafka-relay' });
      expect(() => parse('parked', 'retry', '--all', '--operator', 'u-1')).toThrow(/--consumer/);
      expect(() => parse('parked', 'retry', 'abc', '--operator', 'u-1')).toThrow(/parked event id/);
    });

    it('skips one event with a reason code, never free text', () => {
      expect(parse('parked', 'skip', '3', '--reason', 'duplicate-event', '--operator', 'u-1')).toEqual({ command: 'parked-skip', json: false, operator: 'u-1', id: '3', reason: 'duplicate-event' });
      expect(() => parse('parked', 'skip', '3', '--operator', 'u-1')).toThrow(/--reason/);
      expect(() => parse('parked', 'skip', '3', '--reason', 'Sam said so', '--operator', 'u-1')).toThrow(/--reason/);
      expect(() => parse('parked', 'drop', '3')).toThrow(OpsUsageError);
    });
  });

  describe('kafka-reset', () => {
    const base = ['kafka-reset', 'referral-summary-projector', '--topic', 'mash.referral-events.v1'];
    it('takes one target: the earliest, offsets per partition, or a time', () => {
      expect(parse(...base, '--to-earliest', '--dry-run')).toEqual({ command: 'kafka-reset', json: false, group: 'referral-summary-projector', topic: 'mash.referral-events.v1', target: { kind: 'earliest' }, dryRun: true });
      expect(parse(...base, '--to-offset', '0:5', '--to-offset', '2:9')).toMatchObject({ target: { kind: 'offsets', offsets: new Map([[0, '5'], [2, '9']]) }, dryRun: false });
      expect(parse(...base, '--to-time', '2026-11-20T10:00:00Z', '--partition', '1')).toMatchObject({ target: { kind: 'time', at: new Date('2026-11-20T10:00:00Z') }, partition: 1 });
    });

    it('refuses no target or two, a malformed offset, a time without a zone, a missing topic', () => {
      expect(() => parse(...base)).toThrow(/exactly one/);
      expect(() => parse(...base, '--to-earliest', '--to-offset', '0:1')).toThrow(/exactly one/);
      expect(() => parse(...base, '--to-offset', '0-1')).toThrow(/<partition>:<offset>/);
      expect(() => parse(...base, '--to-offset', '0:1', '--to-offset', '0:2')).toThrow(/twice/);
      expect(() => parse(...base, '--to-time', '2026-11-20T10:00:00')).toThrow(/zone/);
      expect(() => parse('kafka-reset', 'g', '--to-earliest')).toThrow(/--topic/);
    });
  });
});
