import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Errors } from '../common/app-error';
import { LEDGER_KINDS, LEDGER_STATUSES, LedgerKind, LedgerStatus } from '../database/entities';
import { CurrentUser, RequirePermission } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { LedgerCasesService } from './ledger-cases.service';
import { LedgersService } from './ledgers.service';

function kindOf(value: string): LedgerKind {
  if (!LEDGER_KINDS.includes(value as LedgerKind)) throw Errors.notFound({ zh: `台账 ${value}`, en: `Ledger ${value}` });
  return value as LedgerKind;
}

@ApiTags('ledgers')
@ApiBearerAuth()
@Controller('ledgers')
export class LedgersController {
  constructor(
    private readonly ledgers: LedgersService,
    private readonly cases: LedgerCasesService,
  ) {}

  @Post(':kind/persuasion')
  @RequirePermission('ledger.manage')
  @ApiOperation({ summary: 'Start persuasion for several entries at once {entryIds} / 批量发起劝返' })
  persuadeMany(@CurrentUser() p: Principal, @Param('kind') kind: string, @Body() body: { entryIds?: string[] }) {
    const ids = Array.isArray(body?.entryIds) ? body.entryIds.filter((x) => typeof x === 'string') : [];
    if (!ids.length) throw Errors.validation([{ field: 'entryIds', message: '请选择台账记录 / choose ledger entries' }]);
    return this.cases.startPersuasion(p, kindOf(kind), ids);
  }

  @Post(':kind/:entryId/persuasion')
  @RequirePermission('ledger.manage')
  @ApiOperation({ summary: "Start the county's persuasion procedure for one entry / 发起劝返复学" })
  async persuade(@CurrentUser() p: Principal, @Param('kind') kind: string, @Param('entryId') entryId: string) {
    const { started } = await this.cases.startPersuasion(p, kindOf(kind), [entryId]);
    return { id: started[0].instanceId, entryId };
  }

  @Get(':kind')
  @ApiOperation({ summary: 'Ledger entries in the caller scope: school-age, suspected-dropout, dropout / 台账' })
  list(
    @CurrentUser() p: Principal,
    @Param('kind') kind: string,
    @Query('orgUnit') orgUnit?: string,
    @Query('status') status?: string,
    @Query('page') page = '1',
    @Query('pageSize') pageSize = '50',
  ) {
    const s = LEDGER_STATUSES.includes(status as LedgerStatus) ? (status as LedgerStatus) : undefined;
    return this.ledgers.list(
      p,
      kindOf(kind),
      { orgUnit, status: s },
      Math.max(1, Number(page) || 1),
      Math.min(500, Math.max(1, Number(pageSize) || 50)),
    );
  }

  @Get(':kind/:id/history')
  @ApiOperation({ summary: 'Every change of one entry / 台账记录变更历史' })
  history(@CurrentUser() p: Principal, @Param('kind') kind: string, @Param('id') id: string) {
    kindOf(kind);
    return this.ledgers.history(p, id);
  }
}
