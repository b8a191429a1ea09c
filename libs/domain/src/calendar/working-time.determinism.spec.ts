import { englandAndWalesCalendar } from './bank-holidays';
import { validateCalendar } from './calendar-validation';
import { addWorkingTime, isWorkingTime, nextWorkingInstant, reminderBefore, subtractWorkingTime, workingTimeBetween } from './working-time';

// Workflow code must not read the clock: Temporal replays it later and expects the same answers.
describe('the calendar never reads the clock', () => {
  const hub = englandAndWalesCalendar([2025]);
  const from = new Date('2025-10-24T14:00:00Z');

  const everyFunction = () => [
    addWorkingTime(from, { workingHours: 4 }, hub),
    addWorkingTime(from, { workingDays: 1 }, hub),
    addWorkingTime(from, { calendarHours: 2 }, hub),
    subtractWorkingTime(from, { workingDays: 1 }, hub),
    reminderBefore(from, { workingHours: 1 }, hub, new Date(0)),
    nextWorkingInstant(from, hub),
    isWorkingTime(from, hub),
    workingTimeBetween(from, new Date('2025-10-28T14:00:00Z'), hub),
    validateCalendar(hub),
  ];

  afterEach(() => jest.restoreAllMocks());

  it('gives its answers with Date.now unavailable', () => {
    jest.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('the calendar read the clock');
    });
    expect(everyFunction).not.toThrow();
  });

  it('gives the same answers whatever the clock says (summer, winter, the repeated hour)', () => {
    const answers = ['2025-07-01T12:00:00Z', '2026-01-15T12:00:00Z', '2025-10-26T01:30:00Z'].map((now) => {
      jest.spyOn(Date, 'now').mockReturnValue(Date.parse(now));
      const answer = JSON.stringify(everyFunction());
      jest.restoreAllMocks();
      return answer;
    });
    expect(new Set(answers).size).toBe(1);
  });
});
