import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { createLogger } from '@app/observability';
import { bundleReferralWorkflows, bundleWorkflows } from '../../apps/worker/src/workflow-bundle';
import { historyFromJson, type History } from '../../tools/workflow-histories/history-json';
import { installTestRuntime } from '../support/temporal-test-env';

const HISTORIES = path.join(__dirname, 'histories');

/** Every recorded history (tools/workflow-histories/record.ts), named by its file. */
const fixtures = readdirSync(HISTORIES)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => {
    const history = historyFromJson(readFileSync(path.join(HISTORIES, file), 'utf8'));
    const type = history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name ?? 'unknown type';
    return { name: file.replace(/\.json$/, ''), type, history };
  });

function replay(workflowBundle: WorkflowBundleWithSourceMap, name: string, history: History): Promise<void> {
  return Worker.runReplayHistory({ workflowBundle, replayName: name }, history, name);
}

const silent = () => createLogger('test', 'silent');

// Open referrals replay their history against whatever workflow code the worker runs next: a
// change that issues other commands at a point a history covers strands those referrals. This
// replays every recorded history against the code in workflows/ (bundled as the worker does;
// in-process, no server), so such a change fails CI instead. See docs/workflow-versioning.md.
describe('recorded workflow histories replay against the current workflow code', () => {
  let current: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    installTestRuntime('ERROR'); // the deliberate divergences below would log warnings
    current = await bundleReferralWorkflows(silent());
  }, 60000);

  it('has histories to replay, of the legacy path and of lifecycle-v2', () => {
    expect(fixtures.map((f) => f.name)).toEqual(
      expect.arrayContaining(['referral-lifecycle-awaiting-triage', 'referral-lifecycle-v2-closed', 'referral-lifecycle-v2-gathering-escalated']),
    );
  });

  it.each(fixtures)('replays $name ($type)', async ({ name, history }) => {
    await replay(current, name, history);
  });

  describe('catches a change that would strand open workflows', () => {
    // The two fixtures are changes to the workflow as it was before 'lifecycle-v2' (its legacy
    // first step), so they are checked against the histories that code recorded.
    const lifecycle = fixtures.filter(({ type, name }) => type === 'referralLifecycle' && !name.startsWith('referral-lifecycle-v2-'));

    it('fails on a new timer added without a patch', async () => {
      const changed = await bundleWorkflows(require.resolve('./fixtures/referral-lifecycle-unversioned-change.workflow'), silent());
      for (const { name, history } of lifecycle) {
        await expect(replay(changed, name, history)).rejects.toThrow(DeterminismViolationError);
      }
    }, 60000);

    it('passes the same change behind patched()', async () => {
      const patched = await bundleWorkflows(require.resolve('./fixtures/referral-lifecycle-patched-change.workflow'), silent());
      for (const { name, history } of lifecycle) await replay(patched, name, history);
    }, 60000);
  });
});
