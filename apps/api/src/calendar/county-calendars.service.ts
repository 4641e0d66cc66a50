import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { WorkCalendar, type CalendarYear } from '@kcbx/work-calendar';
import type { WorkingDayCalendar } from '@kcbx/engine';
import { nowIso } from '../database/columns';
import { CalendarYearsRepository } from './calendar-years.repository';
import { shippedCalendarYears } from './shipped-calendar';

export interface CalendarYearSummary {
  year: number;
  published: boolean;
  source: string;
  /** shipped with the package, or the county's own edit */
  origin: 'shipped' | 'county';
  holidays: number;
  workdays: number;
}

/** How often a process re-reads the counties' edits made through another process. */
const REFRESH_MS = 60_000;

/**
 * Each county's working-day calendar: the shipped years, with the county's own edits over them. The engine asks
 * synchronously while it computes a due date, so the calendars are held in memory: the shipped years at once, the
 * counties' edits once the database is migrated (first use or first minute), again after an edit in this process,
 * and every minute for edits made through another process.
 */
@Injectable()
export class CountyCalendars implements WorkingDayCalendar, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly shipped = shippedCalendarYears();
  private own = new Map<string, Map<number, CalendarYear>>();
  private readonly calendars = new Map<string, WorkCalendar>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly repository: CalendarYearsRepository) {}

  private loaded = false;

  onApplicationBootstrap(): void {
    // the database may not be migrated yet when this runs (modules start before the app's bootstrap): no wait here
    void this.refresh().catch(() => undefined);
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), REFRESH_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** the counties' edits, read once before the first answer that depends on them */
  async load(): Promise<void> {
    if (!this.loaded) await this.refresh();
  }

  async refresh(): Promise<void> {
    const own = new Map<string, Map<number, CalendarYear>>();
    for (const row of await this.repository.all()) {
      const years = own.get(row.tenantId) ?? new Map<number, CalendarYear>();
      years.set(row.year, JSON.parse(row.content) as CalendarYear);
      own.set(row.tenantId, years);
    }
    this.own = own;
    this.calendars.clear();
    this.loaded = true;
  }

  years(tenantId: string): CalendarYear[] {
    const own = this.own.get(tenantId);
    const byYear = new Map(this.shipped.map((y) => [y.year, y]));
    for (const [year, content] of own ?? []) byYear.set(year, content);
    return [...byYear.values()].sort((a, b) => a.year - b.year);
  }

  summaries(tenantId: string): CalendarYearSummary[] {
    const own = this.own.get(tenantId);
    return this.years(tenantId).map((y) => ({
      year: y.year,
      published: y.published,
      source: y.source,
      origin: own?.has(y.year) ? 'county' : 'shipped',
      holidays: y.holidays.length,
      workdays: y.workdays.length,
    }));
  }

  calendarFor(tenantId: string): WorkCalendar {
    let calendar = this.calendars.get(tenantId);
    if (!calendar) {
      calendar = new WorkCalendar(this.years(tenantId));
      this.calendars.set(tenantId, calendar);
    }
    return calendar;
  }

  addWorkingDays(tenantId: string, fromMs: number, days: number): number {
    return this.calendarFor(tenantId).addWorkingDays(fromMs, days).at;
  }

  async saveYear(tenantId: string, year: CalendarYear, userId: string): Promise<void> {
    await this.repository.save({ tenantId, year: year.year, content: JSON.stringify(year), updatedBy: userId, updatedAt: nowIso() });
    await this.refresh();
  }

  /** back to the shipped year; false when the county had no edit of it */
  async resetYear(tenantId: string, year: number): Promise<boolean> {
    const removed = await this.repository.remove(tenantId, year);
    await this.refresh();
    return removed;
  }
}
