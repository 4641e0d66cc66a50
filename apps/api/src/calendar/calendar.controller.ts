import { Body, Controller, Delete, Get, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { checkCalendarYear, termOf, WorkingDaysError, type CalendarYear, type DayInfo } from '@kcbx/work-calendar';
import { AppError, Errors } from '../common/app-error';
import { CurrentUser, RequirePermission } from '../identity/decorators';
import type { Principal } from '../identity/principal';
import { CountyCalendars } from './county-calendars.service';
import { shippedSchoolTerms } from './shipped-calendar';

/** the longest range one request may list (a year and a bit: a month view asks for 42 days) */
const MAX_RANGE_DAYS = 400;

function badRequest(field: string, error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  return Errors.validation([{ field, message }]);
}

/** The caller's county calendar: working days (工作日), holidays and 调休, school terms; administrators edit years. */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendars: CountyCalendars) {}

  @Get('add-working-days')
  @ApiOperation({ summary: 'The date N working days after a date, by the county calendar / N 个工作日后的日期' })
  async addWorkingDays(@CurrentUser() p: Principal, @Query('from') from = '', @Query('days') days = '') {
    await this.calendars.load();
    if (!/^\d{1,3}$/.test(days)) throw badRequest('days', new Error('工作日天数应为 0–400 的整数 / days must be an integer 0–400'));
    try {
      const r = this.calendars.calendarFor(p.tenantId).addWorkingDaysToDate(from, Number(days));
      return { from, days: Number(days), date: r.date, provisional: r.provisional };
    } catch (error) {
      if (error instanceof WorkingDaysError) throw badRequest(/日期|date/.test(error.message) ? 'from' : 'days', error);
      throw error;
    }
  }

  @Get('days')
  @ApiOperation({ summary: 'Each day from..to: working or not, and why / 日历（工作日、节假日、调休）' })
  async days(@CurrentUser() p: Principal, @Query('from') from = '', @Query('to') to = ''): Promise<DayInfo[]> {
    await this.calendars.load();
    const calendar = this.calendars.calendarFor(p.tenantId);
    try {
      calendar.day(from);
      calendar.day(to);
    } catch (error) {
      throw badRequest('from', error);
    }
    const start = Date.parse(`${from}T00:00:00Z`);
    const count = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000) + 1;
    if (count < 1 || count > MAX_RANGE_DAYS)
      throw badRequest(
        'to',
        new Error(`结束日期应在开始日期之后且不超过 ${MAX_RANGE_DAYS} 天 / to must be after from, within ${MAX_RANGE_DAYS} days`),
      );
    return Array.from({ length: count }, (_, i) => calendar.day(new Date(start + i * 86_400_000).toISOString().slice(0, 10)));
  }

  @Get('years')
  @ApiOperation({ summary: 'The calendar years of the county, shipped or edited / 日历年度' })
  async years(@CurrentUser() p: Principal) {
    await this.calendars.load();
    return this.calendars.summaries(p.tenantId);
  }

  @Get('years/:year')
  @ApiOperation({ summary: 'One calendar year with its holidays and 调休 days / 某年的放假调休安排' })
  async year(@CurrentUser() p: Principal, @Param('year', ParseIntPipe) year: number): Promise<CalendarYear> {
    await this.calendars.load();
    const found = this.calendars.years(p.tenantId).find((y) => y.year === year);
    if (!found) throw new AppError('NOT_FOUND/calendar-year', { year });
    return found;
  }

  @Put('years/:year')
  @RequirePermission('admin')
  @ApiOperation({ summary: "Replace a year with the county's own (e.g. when the State Council publishes it) / 修改日历年度" })
  async saveYear(@CurrentUser() p: Principal, @Param('year', ParseIntPipe) year: number, @Body() body: CalendarYear) {
    const problems = checkCalendarYear(body);
    if (body?.year !== year) problems.unshift(`year 应为 ${year} / year must be ${year}`);
    if (problems.length > 0) throw Errors.validation(problems.map((message) => ({ field: 'calendar', message })));
    const clean: CalendarYear = {
      format: body.format,
      year: body.year,
      published: body.published,
      source: body.source.trim(),
      holidays: body.holidays.map((d) => ({ date: d.date, name: d.name.trim() })),
      workdays: body.workdays.map((d) => ({ date: d.date, name: d.name.trim() })),
    };
    await this.calendars.saveYear(p.tenantId, clean, p.userId);
    return this.calendars.summaries(p.tenantId).find((y) => y.year === year);
  }

  @Delete('years/:year')
  @RequirePermission('admin')
  @ApiOperation({ summary: "Drop the county's edit of a year: the shipped year applies again / 恢复为随包日历" })
  async resetYear(@CurrentUser() p: Principal, @Param('year', ParseIntPipe) year: number) {
    if (!(await this.calendars.resetYear(p.tenantId, year))) throw new AppError('NOT_FOUND/calendar-edit', { year });
    return { year, origin: 'shipped' };
  }

  @Get('terms')
  @ApiOperation({ summary: "The county's school terms and the current one / 学期" })
  terms(@CurrentUser() p: Principal, @Query('date') date?: string) {
    const terms = shippedSchoolTerms(p.tenantCode);
    const today = date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    return { terms, current: termOf(terms, today) };
  }
}
