import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarYearsRepository } from './calendar-years.repository';
import { CountyCalendars } from './county-calendars.service';

/** The county working-day calendar (工作日历): what deadlines in working days count by. */
@Module({
  controllers: [CalendarController],
  providers: [CalendarYearsRepository, CountyCalendars],
  exports: [CountyCalendars],
})
export class CalendarModule {}
