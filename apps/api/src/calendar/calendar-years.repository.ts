import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CalendarYearRow } from '../database/entities';

/** The counties' own calendar years. */
@Injectable()
export class CalendarYearsRepository {
  constructor(private readonly ds: DataSource) {}

  all(): Promise<CalendarYearRow[]> {
    return this.ds.getRepository(CalendarYearRow).find({ order: { tenantId: 'ASC', year: 'ASC' } });
  }

  async save(row: CalendarYearRow): Promise<void> {
    await this.ds.getRepository(CalendarYearRow).save(row);
  }

  async remove(tenantId: string, year: number): Promise<boolean> {
    const result = await this.ds.getRepository(CalendarYearRow).delete({ tenantId, year });
    return (result.affected ?? 0) > 0;
  }
}
