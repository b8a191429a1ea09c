import { REFERRAL_LIFECYCLE_WORKFLOW_TYPE } from '@app/workflow-contracts';

/** How far back closed workflows are checked by default: a deploy week's worth. */
export const DEFAULT_REPLAY_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export interface ReplaySelection {
  /** Closed workflows that closed at or after this instant are checked too; running ones always. */
  since: Date;
  /** Only workflows of this task queue (a test's, or one fleet's). */
  taskQueue?: string;
}

const quoted = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * The visibility query for the referral workflows a deploy can strand: every one still running,
 * whenever it started, and those closed inside the window (a reset or a late query replays them).
 */
export function referralWorkflowsQuery({ since, taskQueue }: ReplaySelection): string {
  const parts = [
    `WorkflowType = ${quoted(REFERRAL_LIFECYCLE_WORKFLOW_TYPE)}`,
    `(ExecutionStatus = 'Running' OR CloseTime >= ${quoted(since.toISOString())})`,
  ];
  if (taskQueue !== undefined) parts.push(`TaskQueue = ${quoted(taskQueue)}`);
  return parts.join(' AND ');
}
