import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { referralStreamId, type TriageDecisionRecorded } from '@app/domain';
import { PostgresEventStore, type RecordedEvent } from '@app/event-store';
import { referralAt, type ReferralAtRequest } from '../../apps/ops/src';
import { appendReceived, appendTriageAwaited } from '../support/referral-events';
import { createTestDatabase, type TestDatabase } from '../support/stack';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (earlier: RecordedEvent, later: RecordedEvent) => new Date((earlier.recordedAt.getTime() + later.recordedAt.getTime()) / 2);

/** `ops referral-at` over a real event store and access audit log. */
describe('ops referral-at', () => {
  const repo = path.resolve(__dirname, '../..');
  const command = path.join(repo, 'dist/tools/ops.js');
  const hubId = 'ops-hub';
  let db: TestDatabase;
  let referralId: string;
  let givenName: string;
  let stream: RecordedEvent[];

  const request = (over: Partial<ReferralAtRequest>): ReferralAtRequest => ({
    referralId,
    cutoff: { position: 1_000_000n },
    operator: 'oncall-1',
    purpose: null,
    includePersonalData: false,
    ...over,
  });

  const auditRecords = async () =>
    (
      await db.pool.query<{ user_id: string; role: string; action: string; resource_id: string; purpose: string | null; hub_id: string; access: string; outcome: string }>(
        'SELECT user_id, role, action, resource_id, purpose, hub_id, access, outcome FROM access_audit_log ORDER BY sequence',
      )
    ).rows;

  beforeAll(async () => {
    db = await createTestDatabase();
    const store = new PostgresEventStore(db.pool);
    ({ referralId, givenName } = await appendReceived(store, hubId));
    await pause(50);
    await appendTriageAwaited(store, referralId, hubId);
    await pause(50);
    const decided: TriageDecisionRecorded['data'] = {
      referralId,
      rag: 'amber',
      decision: 'gather-information',
      rationale: 'Invented rationale for a test',
      by: { userId: 'pat', agency: 'social-care' },
      decidedAt: new Date().toISOString(),
      policyVersion: 1,
    };
    await store.append(referralStreamId(referralId), 2, [{ eventId: randomUUID(), type: 'TriageDecisionRecorded', data: decided }], {
      actor: 'pat',
      agency: 'social-care',
      hubId,
      correlationId: randomUUID(),
      causationId: null,
    });
    stream = await store.readStream(referralStreamId(referralId));
  });

  afterAll(() => db?.drop());

  it('at a time between two events gives the state after the earlier one', async () => {
    const [received, awaited, decided] = stream;
    const first = await referralAt(db.pool, request({ cutoff: { at: between(received, awaited) } }));
    expect(first).toMatchObject({ eventsApplied: 1, eventsInStream: 3, lastEvent: { type: 'ReferralReceived' }, state: { status: 'Received', rag: null } });

    const second = await referralAt(db.pool, request({ cutoff: { at: between(awaited, decided) } }));
    expect(second).toMatchObject({ eventsApplied: 2, state: { status: 'AwaitingTriage', rag: null, decision: null } });

    const now = await referralAt(db.pool, request({ cutoff: { at: new Date() } }));
    expect(now).toMatchObject({ eventsApplied: 3, state: { status: 'AwaitingTriage', rag: 'amber', decision: { decision: 'gather-information' } } });
  });

  it('at a global position gives the state after the events at or below it', async () => {
    const [, awaited] = stream;
    const result = await referralAt(db.pool, request({ cutoff: { position: awaited.position.globalPosition } }));
    expect(result).toMatchObject({ eventsApplied: 2, lastEvent: { type: 'TriageAwaited', streamVersion: 2 }, state: { status: 'AwaitingTriage' } });
  });

  it('leaves personal data out by default, and records the read in the access audit log', async () => {
    const before = (await auditRecords()).length;
    const result = await referralAt(db.pool, request({}));
    const printed = JSON.stringify(result);
    expect(result.personalData).toBeUndefined();
    for (const personal of [givenName, 'Example', 'PC Invented', 'Invented rationale', 'Invented for a test']) expect(printed).not.toContain(personal);

    const records = await auditRecords();
    expect(records).toHaveLength(before + 1);
    expect(records.at(-1)).toEqual({
      user_id: 'oncall-1',
      role: 'operations',
      action: 'referral.read-at',
      resource_id: referralId,
      purpose: null,
      hub_id: hubId,
      access: 'read',
      outcome: 'allowed',
    });
  });

  it('includes personal data when asked, with the purpose in the audit record', async () => {
    const result = await referralAt(db.pool, request({ includePersonalData: true, purpose: 'case-review' }));
    expect(result.personalData).toMatchObject({ subject: { givenName }, narrative: 'Invented for a test.', decisionRationale: 'Invented rationale for a test' });
    expect((await auditRecords()).at(-1)).toMatchObject({ action: 'referral.read-at', purpose: 'case-review', role: 'operations' });
  });

  describe('npm run ops -- referral-at (the built command, as a process)', () => {
    function ops(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
      return new Promise((resolve) => {
        execFile('node', [command, ...args], { cwd: repo, env: { ...process.env, DATABASE_URL: db.url, USER: 'oncall-2' } }, (error, stdout, stderr) => {
          resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
        });
      });
    }

    beforeAll(() => {
      if (!existsSync(command)) throw new Error(`${command} is missing: run "npm run build" first (tools/test.sh does)`);
    });

    it('prints the state as JSON with --json and exits 0', async () => {
      const result = await ops('referral-at', referralId, '--position', stream[0].position.globalPosition.toString(), '--json');
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ referralId, eventsApplied: 1, state: { status: 'Received' } });
      expect(result.stdout).not.toContain(givenName);
      expect((await auditRecords()).at(-1)).toMatchObject({ user_id: 'oncall-2', action: 'referral.read-at' });
    });

    it('prints a readable summary by default', async () => {
      const result = await ops('referral-at', referralId, '--at', new Date().toISOString());
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`referral ${referralId} (hub ${hubId}) at `);
      expect(result.stdout).toContain('personal data left out');
    });

    it('exits 2 on a usage error and 3 for a referral with no events, recording nothing', async () => {
      const before = (await auditRecords()).length;
      expect(await ops('referral-at', referralId, '--position', '1', '--include-personal-data')).toMatchObject({ code: 2 });
      expect(await ops('referral-at', randomUUID(), '--position', '1')).toMatchObject({ code: 3 });
      expect(await auditRecords()).toHaveLength(before);
    });
  });
});
