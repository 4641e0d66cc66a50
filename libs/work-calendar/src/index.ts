export { CALENDAR_FORMAT, checkCalendarYear, weekday, type CalendarDay, type CalendarYear } from './calendar-year';
export { fixedStatutoryHoliday } from './statutory-holidays';
export { checkSchoolTerms, termOf, type SchoolTerm } from './school-terms';
export {
  MAX_WORKING_DAYS,
  WorkCalendar,
  WorkingDaysError,
  chinaDate,
  chinaMidnight,
  type DayInfo,
  type DayKind,
  type WorkingDaysResult,
} from './work-calendar';
