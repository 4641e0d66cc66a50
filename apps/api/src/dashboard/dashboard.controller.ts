import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Errors } from '../common/app-error';
import { CurrentUser, RequirePermission } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { DashboardService } from './dashboard.service';
import { beijingMonth, monthEnd } from './ledger-as-of';
import { monthlyReportXlsx } from './monthly-report';

@ApiTags('dashboard')
@ApiBearerAuth()
@RequirePermission('report.read')
@Controller()
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('dashboard')
  @ApiOperation({ summary: 'Ledger counts for a unit and its townships/schools, by reason and month / 数据看板' })
  get(@CurrentUser() p: Principal, @Query('orgUnit') orgUnit?: string) {
    return this.dashboard.forUnit(p, orgUnit);
  }

  @Get('reports/monthly')
  @ApiOperation({
    summary:
      'Monthly report of a county, township or school (?orgUnit=; a school lists its children) as XLSX, or JSON with ?format=json / 月报导出',
  })
  async monthly(
    @CurrentUser() p: Principal,
    @Res() res: Response,
    @Query('orgUnit') orgUnit?: string,
    @Query('month') month = beijingMonth(),
    @Query('format') format = 'xlsx',
  ) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
      throw Errors.validation([{ field: 'month', message: '月份格式应为 YYYY-MM / use YYYY-MM' }]);
    // A past month reports the ledger as it stood when that month ended; the current month reports it now.
    const asOf = month < beijingMonth() ? monthEnd(month) : undefined;
    const d = await this.dashboard.forUnit(p, orgUnit, asOf);
    // A school's report lists its children one by one; a county's or township's stays a summary.
    const entries = d.unit.kind === 'school' ? await this.dashboard.reportEntries(p, d.unit.code, asOf) : undefined;
    if (format === 'json') return res.json({ month, ...d, entries });
    const file = await monthlyReportXlsx(d, month, entries);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${d.unit.name}月报-${month}.xlsx`)}`);
    res.send(file);
  }
}
