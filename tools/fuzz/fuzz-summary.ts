import { readFileSync } from 'node:fs';

/**
 * One line of counts for a role's schemathesis run, read from its NDJSON report: the operations
 * it reached, the requests it sent (by status class), the checks made on their answers and how
 * many failed. Exits 1 when a check failed or nothing was sent, so a run that quietly tested
 * nothing is not a pass.
 *
 *   node dist/tools/fuzz/fuzz-summary.js ROLE REPORT.ndjson
 */
interface Interaction {
  response?: { status_code: number } | null;
}
interface ScenarioFinished {
  recorder: {
    label: string;
    // Both absent on a skipped scenario (e.g. no examples in the document).
    interactions?: Record<string, Interaction>;
    checks?: Record<string, { name: string; status: string }[]>;
  };
}

const STATEFUL_LABEL = 'Stateful tests';

function main(): number {
  const [role, report] = process.argv.slice(2);
  if (!role || !report) throw new Error('usage: fuzz-summary ROLE REPORT.ndjson');
  const operations = new Set<string>();
  const statuses: Record<string, number> = {};
  let requests = 0;
  let checks = 0;
  const failed = new Map<string, number>();
  for (const line of readFileSync(report, 'utf8').split('\n')) {
    if (!line.startsWith('{"ScenarioFinished"')) continue;
    const { recorder } = (JSON.parse(line) as { ScenarioFinished: ScenarioFinished }).ScenarioFinished;
    const interactions = Object.values(recorder.interactions ?? {});
    // The stateful phase chains requests to several operations under one label of its own.
    if (interactions.length > 0 && recorder.label !== STATEFUL_LABEL) operations.add(recorder.label);
    for (const interaction of interactions) {
      requests += 1;
      const status = interaction.response ? `${String(interaction.response.status_code)[0]}xx` : 'no answer';
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
    for (const check of Object.values(recorder.checks ?? {}).flat()) {
      checks += 1;
      if (check.status === 'failure') failed.set(`${recorder.label}: ${check.name}`, (failed.get(`${recorder.label}: ${check.name}`) ?? 0) + 1);
    }
  }
  const failures = [...failed.values()].reduce((sum, n) => sum + n, 0);
  const byStatus = Object.entries(statuses).sort().map(([status, n]) => `${status} ${n}`).join(', ');
  console.log(`fuzz ${role}: ${operations.size} operations, ${requests} requests (${byStatus}), ${checks} checks, ${failures} failed`);
  for (const [what, n] of failed) console.log(`  failed ${n}x ${what}`);
  return failures === 0 && requests > 0 ? 0 : 1;
}

process.exitCode = main();
