import { addWorkingTime, englandAndWalesCalendar, isWorkingTime, workingTimeBetween } from '@app/domain';

/**
 * Workflow code that uses the working-time calendar the way the referral workflow will, for the
 * test that runs it inside Temporal's sandbox. `new Date()` there is the workflow's own time
 * (the workflow task's start in the history), not the wall clock. A wrong answer throws a plain
 * Error, which fails the workflow task and so fails the replay.
 */
export async function workingTimeProbe(): Promise<string> {
  const hub = englandAndWalesCalendar([2025]);
  const receivedAt = new Date();
  const answers = {
    receivedInHours: isWorkingTime(receivedAt, hub),
    amberDue: addWorkingTime(receivedAt, { workingDays: 1 }, hub).toISOString(),
    redDue: addWorkingTime(receivedAt, { workingHours: 4 }, hub).toISOString(),
    overTheClockChange: addWorkingTime(new Date('2025-10-24T14:00:00Z'), { workingHours: 4 }, hub).toISOString(),
    overEaster: workingTimeBetween(new Date('2025-04-17T08:00:00Z'), new Date('2025-04-22T16:00:00Z'), hub),
  };
  const expected = {
    receivedInHours: false, // Friday 18:00 GMT
    amberDue: '2025-01-13T17:00:00.000Z',
    redDue: '2025-01-13T13:00:00.000Z',
    overTheClockChange: '2025-10-27T11:00:00.000Z',
    overEaster: 16,
  };
  if (JSON.stringify(answers) !== JSON.stringify(expected)) {
    throw new Error(`calendar in the workflow sandbox: ${JSON.stringify(answers)}, expected ${JSON.stringify(expected)}`);
  }
  return answers.amberDue;
}
