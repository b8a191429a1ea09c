export * from './working-time.types';
export * from './working-time';
export { validateCalendar, validateDuration } from './calendar-validation';
export {
  ENGLAND_AND_WALES_CALENDAR_DEFAULTS,
  englandAndWalesBankHolidays,
  englandAndWalesCalendar,
} from './bank-holidays';
