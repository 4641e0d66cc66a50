import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Errors } from '../common/app-error';
import { LEDGER_KINDS, LEDGER_STATUSES, LedgerKind, LedgerStatus } from '../database/entities';
import { CurrentUser } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { LedgersService } from './ledgers.service';

function kindOf(value: string): LedgerKind {
  if (!LEDGER_KINDS.includes(value as LedgerKind)) throw Errors.notFound({ zh: `台账 ${value}`, en: `Ledger ${value}` });
  return value as LedgerKind;
}

@ApiTags('ledgers')
@ApiBearerAuth()
@Controller('ledgers')
export class LedgersController {
  constructor(private readonly ledgers: LedgersService) {}

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
    return this.ledgers.list(p, kindOf(kind), { orgUnit, status: s }, Math.max(1, Number(page) || 1), Math.min(500, Math.max(1, Number(pageSize) || 50)));
  }

  @Get(':kind/:id/history')
  @ApiOperation({ summary: 'Every change of one entry / 台账记录变更历史' })
  history(@CurrentUser() p: Principal, @Param('kind') kind: string, @Param('id') id: string) {
    kindOf(kind);
    return this.ledgers.history(p, id);
  }
}
