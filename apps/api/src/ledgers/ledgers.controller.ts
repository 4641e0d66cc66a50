import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { paging } from '../common/paging';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Errors } from '../common/app-error';
import { isLedgerKind, isLedgerStatus, type LedgerKind } from '@kcbx/api-contract';
import { CurrentUser, RequirePermission } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { LedgerCasesService } from './ledger-cases.service';
import { LedgerReportsService } from './ledger-reports.service';
import { LedgersService } from './ledgers.service';

/** Shapes only; what the values must be (ID check digit, phone, dates) is checked in the service, at the field. */
class PersonDto {
  @ApiProperty({ example: '马小花' }) @IsString() @MaxLength(50) name!: string;
  @ApiProperty({ example: '640422201203050017' }) @IsString() @MaxLength(18) idNumber!: string;
  @ApiProperty({ example: '西吉县吉强镇北坡村三组' }) @IsString() @MaxLength(100) householdAddress!: string;
  @ApiProperty({ example: '马某某（父亲）' }) @IsString() @MaxLength(50) guardian!: string;
  @ApiProperty({ example: '13800000000' }) @IsString() @MaxLength(20) phone!: string;
}

class NewEntryDto {
  @ApiPropertyOptional({ description: 'a student of your scope, or give person' }) @IsOptional() @IsString() studentId?: string;
  @ApiPropertyOptional({ type: PersonDto }) @IsOptional() @ValidateNested() @Type(() => PersonDto) person?: PersonDto;
  @ApiPropertyOptional({ example: '64042210001', description: "the responsible unit; default the student's school" })
  @IsOptional()
  @IsString()
  orgUnit?: string;
  @ApiProperty({ example: '连续缺课' }) @IsString() @MaxLength(100) reason!: string;
  @ApiProperty({ example: '2026-03-02' }) @IsString() @MaxLength(10) since!: string;
  @ApiPropertyOptional({ enum: ['report', 'door-to-door'] }) @IsOptional() @IsIn(['report', 'door-to-door']) source?:
    'report' | 'door-to-door';
}

function kindOf(value: string): LedgerKind {
  if (!isLedgerKind(value)) throw Errors.notFound('ledger', value);
  return value;
}

@ApiTags('ledgers')
@ApiBearerAuth()
@Controller('ledgers')
export class LedgersController {
  constructor(
    private readonly ledgers: LedgersService,
    private readonly cases: LedgerCasesService,
    private readonly reports: LedgerReportsService,
  ) {}

  @Post(':kind/entries')
  @ApiOperation({
    summary: "Report a child (a student, or a person) onto a ledger; starts the county's persuasion procedure / 报告失学儿童、入户摸排登记",
  })
  report(@CurrentUser() p: Principal, @Param('kind') kind: string, @Body() body: NewEntryDto) {
    return this.reports.report(p, kindOf(kind), body);
  }

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
    const s = isLedgerStatus(status) ? status : undefined;
    return this.ledgers.list(
      p,
      kindOf(kind),
      { orgUnit, status: s },
      paging(page, pageSize, 50, 500).page,
      paging(page, pageSize, 50, 500).pageSize,
    );
  }

  @Get(':kind/:id/history')
  @ApiOperation({ summary: 'Every change of one entry / 台账记录变更历史' })
  history(@CurrentUser() p: Principal, @Param('kind') kind: string, @Param('id') id: string) {
    kindOf(kind);
    return this.ledgers.history(p, id);
  }
}
