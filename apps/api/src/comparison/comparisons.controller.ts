import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { paging } from '../common/paging';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Errors } from '../common/app-error';
import { FINDING_KINDS, FindingKind } from '../database/entities';
import { CurrentUser, RequirePermission } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { ComparisonService } from './comparison.service';

@ApiTags('registers')
@ApiBearerAuth()
@RequirePermission('ledger.manage')
@Controller('comparisons')
export class ComparisonsController {
  constructor(private readonly comparisons: ComparisonService) {}

  @Post()
  @ApiOperation({ summary: 'Compare the latest imports: 有户无籍, 名在人不在, poor-household dropouts, problem registrations / 三比对' })
  run(@CurrentUser() p: Principal, @Body('referenceDate') referenceDate?: string) {
    if (referenceDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(referenceDate)) {
      throw Errors.validation([{ field: 'referenceDate', message: '日期格式应为 YYYY-MM-DD / use YYYY-MM-DD' }]);
    }
    return this.comparisons.run(p, referenceDate);
  }

  @Get(':id/findings')
  @ApiOperation({ summary: 'Findings of a comparison, ID numbers masked / 比对明细' })
  findings(
    @CurrentUser() p: Principal,
    @Param('id') id: string,
    @Query('kind') kind?: string,
    @Query('page') page = '1',
    @Query('pageSize') pageSize = '50',
  ) {
    const k = FINDING_KINDS.includes(kind as FindingKind) ? (kind as FindingKind) : undefined;
    const pg = paging(page, pageSize, 50, 500);
    return this.comparisons.findings(p, id, k, pg.page, pg.pageSize);
  }
}
