import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { REPORT_PERIOD_TYPES, ReportPeriodType, SIGN_OFF_LINES, SignOffLine } from '@kcbx/api-contract';
import { Errors } from '../common/app-error';
import { CurrentUser, RequirePermission } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { periodReportXlsx } from './period-report-xlsx';
import { ReportsService } from './reports.service';

const periodType = (type: unknown): ReportPeriodType => {
  if (REPORT_PERIOD_TYPES.includes(type as ReportPeriodType)) return type as ReportPeriodType;
  throw Errors.validation([
    { field: 'type', message: '报表类型应为 month（月报）、quarter（季报）、term（学期报）或 year（年报） / month, quarter, term or year' },
  ]);
};

@ApiTags('dashboard')
@ApiBearerAuth()
@RequirePermission('report.read')
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('reports/periods')
  @ApiOperation({ summary: "The report periods: the types and the county's school terms / 报表期间" })
  periods(@CurrentUser() p: Principal) {
    // A county without school-terms.json has no term reports: no term type, no current term.
    const terms = this.reports.terms(p);
    const types = REPORT_PERIOD_TYPES.filter((t) => t !== 'term' || terms.length > 0);
    return { types, terms, current: Object.fromEntries(types.map((t) => [t, this.reports.period(p, t).value])) };
  }

  @Get('reports/period')
  @ApiOperation({
    summary:
      'Report of a unit for a month, quarter, term or year (?type=&period=&orgUnit=; &format=xlsx for Excel): the ledgers as of the period end per unit, 缓学/休学/送教上门, 家访, 整改, sign-offs / 月报·季报·学期报·年报',
  })
  async report(
    @CurrentUser() p: Principal,
    @Res() res: Response,
    @Query('type') type?: string,
    @Query('period') period?: string,
    @Query('orgUnit') orgUnit?: string,
    @Query('format') format = 'json',
  ) {
    const report = await this.reports.report(p, periodType(type), period || undefined, orgUnit || undefined);
    if (format !== 'xlsx') return res.json(report);
    const name = `${report.unit.name}${report.period.label}报表.xlsx`;
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
    res.send(await periodReportXlsx(report));
  }

  @Post('reports/sign-offs')
  @ApiOperation({
    summary: 'Sign one line (制表人/审核人/负责人) of a report; refused while a 三统一 difference is unexplained / 报表签字',
  })
  sign(@CurrentUser() p: Principal, @Body() body: { type?: string; period?: string; orgUnit?: string; line?: string }) {
    const problems: { field: string; message: string }[] = [];
    if (!SIGN_OFF_LINES.includes(body?.line as SignOffLine))
      problems.push({
        field: 'line',
        message: '签字栏应为 preparer（制表人）、reviewer（审核人）或 head（负责人） / preparer, reviewer or head',
      });
    if (!body?.period) problems.push({ field: 'period', message: '请指明报表期间 / period required' });
    if (problems.length) throw Errors.validation(problems);
    return this.reports.sign(p, periodType(body.type), body.period!, body.orgUnit || undefined, body.line as SignOffLine);
  }

  @Get('reconciliation')
  @ApiOperation({ summary: '三统一 (人账相符): ledger vs student register vs poverty list per unit, every difference / 三统一核对' })
  reconciliation(@CurrentUser() p: Principal, @Query('orgUnit') orgUnit?: string) {
    return this.reports.reconciliation(p, orgUnit || undefined);
  }

  @Post('reconciliation/explanations')
  @ApiOperation({ summary: 'Explain a 三统一 difference with a note (recorded with who and when) / 差异说明' })
  explain(@CurrentUser() p: Principal, @Body() body: { key?: string; note?: string }) {
    const note = typeof body?.note === 'string' ? body.note.trim() : '';
    const problems: { field: string; message: string }[] = [];
    if (typeof body?.key !== 'string' || !body.key) problems.push({ field: 'key', message: '请指明要说明的差异 / key required' });
    if (note.length < 2 || note.length > 500) problems.push({ field: 'note', message: '说明应为 2–500 字 / 2–500 characters' });
    if (problems.length) throw Errors.validation(problems);
    return this.reports.explain(p, body.key!, note);
  }
}
