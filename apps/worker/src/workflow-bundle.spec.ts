import { bundleWorkflowCode } from '@temporalio/worker';
import { createLogger } from '@app/observability';
import { bundleReferralWorkflows, libraryAliases, workflowsPath } from './workflow-bundle';

// The worker bundles workflows/ with webpack, which does not read tsconfig paths: these tests
// prove the bundle builds, resolves the @app/* aliases and imports nothing the sandbox forbids
// (the bundler refuses Node built-ins such as fs or crypto).
describe('workflow bundle', () => {
  it('builds from workflows/src with the shared contracts resolved through @app/*', async () => {
    const { code } = await bundleReferralWorkflows(createLogger('test', 'silent'));

    expect(code).toContain('libs/workflow-contracts/src/referral-lifecycle.messages.ts');
    expect(code).toContain('referralLifecycle');
  }, 60000);

  it('maps every library alias to its source folder', () => {
    expect(libraryAliases()['@app/workflow-contracts']).toMatch(/libs\/workflow-contracts\/src$/);
    expect(libraryAliases()['@app/domain']).toMatch(/libs\/domain\/src$/);
  });

  it('fails without the aliases, which is why the worker must add them', async () => {
    const messages: string[] = [];
    const record = (message: string) => void messages.push(message);
    const logger = { log: (_: unknown, m: string) => record(m), trace: record, debug: record, info: record, warn: record, error: record };

    await expect(bundleWorkflowCode({ workflowsPath: workflowsPath(), logger })).rejects.toThrow(/Webpack finished with errors/);
    expect(messages.join('\n')).toMatch(/Can't resolve '@app\/workflow-contracts'/);
  }, 60000);
});
