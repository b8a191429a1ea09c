import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { HistoryAndWorkflowId } from '@temporalio/common';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { historyFromJson } from '../../../../tools/workflow-histories/history-json';
import { referralWorkflowsQuery, type ReplaySelection } from './replay-query';

/**
 * ok: the current code issues the same commands the history recorded. diverged: it would not
 * (a DeterminismViolationError: the workflow would be stuck after the deploy). failed: the
 * replay broke otherwise (e.g. the workflow code throws while replaying), also a reason to stop.
 */
export type ReplayVerdict = 'ok' | 'diverged' | 'failed';

export interface ReplayOutcome {
  workflowId: string;
  runId: string;
  verdict: ReplayVerdict;
  error: string | null;
}

export interface ReplayReport {
  outcomes: ReplayOutcome[];
  /** True when every history replayed: safe to deploy this workflow code. */
  passed: boolean;
}

/** Histories of the referral workflows from Temporal: the listed ids, or all the selection finds. */
export function temporalHistories(client: Client, selection: ReplaySelection, workflowIds: readonly string[] = []): AsyncIterable<HistoryAndWorkflowId> {
  if (workflowIds.length === 0) return client.workflow.list({ query: referralWorkflowsQuery(selection) }).intoHistories();
  return (async function* () {
    for (const workflowId of workflowIds) yield { workflowId, history: await client.workflow.getHandle(workflowId).fetchHistory() };
  })();
}

/** Histories from proto3 JSON files (`temporal workflow show -o json`, the repo's fixtures), named by file. */
export async function historyFiles(directory: string): Promise<HistoryAndWorkflowId[]> {
  const files = (await readdir(directory)).filter((file) => file.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (file) => ({
      workflowId: file.replace(/\.json$/, ''),
      history: historyFromJson(await readFile(path.join(directory, file), 'utf8')),
    })),
  );
}

/** Replays each history in-process against the given workflow bundle (no server, no activities run). */
export async function replayCheck(workflowBundle: WorkflowBundleWithSourceMap, histories: Iterable<HistoryAndWorkflowId> | AsyncIterable<HistoryAndWorkflowId>): Promise<ReplayReport> {
  const outcomes: ReplayOutcome[] = [];
  for await (const { workflowId, runId, error } of Worker.runReplayHistories({ workflowBundle, replayName: 'ops-replay-check' }, histories)) {
    outcomes.push({
      workflowId,
      runId,
      verdict: error === undefined ? 'ok' : error instanceof DeterminismViolationError ? 'diverged' : 'failed',
      error: error === undefined ? null : error.message,
    });
  }
  return { outcomes, passed: outcomes.every((o) => o.verdict === 'ok') };
}
