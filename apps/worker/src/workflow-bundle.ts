import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { Logger } from '@app/observability';
import { temporalLogger } from './temporal/temporal-logger';

/** The repository root, or dist/ when running compiled: both hold workflows/ and libs/ below. */
const ROOT = path.resolve(__dirname, '../../..');

/** workflows/src as TypeScript source (tests, ts-node) or as compiled JavaScript (dist). */
export function workflowsPath(): string {
  const source = path.join(ROOT, 'workflows/src/index.ts');
  return existsSync(source) ? source : path.join(ROOT, 'workflows/src/index.js');
}

/**
 * `@app/<lib>` resolves to libs/<lib>/src, as in tsconfig.json. Webpack does not read the
 * tsconfig paths, so without these aliases the bundle fails to find the shared contracts.
 */
export function libraryAliases(): Record<string, string> {
  const libs = path.join(ROOT, 'libs');
  return Object.fromEntries(
    readdirSync(libs, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => [`@app/${entry.name}`, path.join(libs, entry.name, 'src')]),
  );
}

/** Bundles the workflow code once at start, the way the worker runs it in production. */
export function bundleReferralWorkflows(logger?: Logger): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflows(workflowsPath(), logger);
}

/**
 * Bundles any workflow module with the @app/* aliases: the worker's workflows, and the test
 * fixtures that stand in for changed workflow code (test/workflows/fixtures).
 */
export function bundleWorkflows(modulePath: string, logger?: Logger): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: modulePath,
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...libraryAliases() } },
    }),
    logger: logger && temporalLogger(logger),
  });
}
