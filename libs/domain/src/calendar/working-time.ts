import type { WorkingCalendar, WorkingDuration } from './working-time.types';

/**
 * The instant `duration` of working time after `from`, in the hub's calendar. Pure and
 * deterministic, so a workflow computes the same instant on replay.
 */
export function addWorkingTime(from: Date, duration: WorkingDuration, calendar: WorkingCalendar): Date {
  void from;
  void duration;
  void calendar;
  throw new Error('addWorkingTime: not implemented yet');
}
