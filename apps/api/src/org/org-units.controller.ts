import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ORG_UNIT_KINDS, OrgUnitKind } from '../database/entities';
import { CurrentUser, RequirePermission } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { OrgUnitsService, parentCodeOf, presentOrgUnit } from './org-units.service';

export class CreateOrgUnitDto {
  @ApiProperty({ example: '64042210004' }) @IsString() @Matches(/^[0-9A-Za-z-]{2,32}$/) code!: string;
  @ApiProperty({ example: '吉强镇第三小学' }) @IsString() @MinLength(1) @MaxLength(120) name!: string;
  @ApiProperty({ enum: ORG_UNIT_KINDS }) @IsIn(ORG_UNIT_KINDS as unknown as string[]) kind!: OrgUnitKind;
  @ApiProperty({ example: '640422100' }) @IsString() parentCode!: string;
}

class RenameOrgUnitDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(120) name!: string;
}

@ApiTags('org')
@ApiBearerAuth()
@Controller()
export class OrgUnitsController {
  constructor(private readonly units: OrgUnitsService) {}

  @Get('org-units')
  @ApiOperation({ summary: "The county's org units within the caller's scope / 组织机构" })
  async list(@CurrentUser() p: Principal) {
    return (await this.units.listVisible(p)).map((u) => presentOrgUnit(u, parentCodeOf(u)));
  }

  @Post('admin/org-units')
  @RequirePermission('admin')
  @ApiOperation({ summary: 'Add an org unit / 新增单位' })
  async create(@CurrentUser() p: Principal, @Body() body: CreateOrgUnitDto) {
    const unit = await this.units.create(p, body);
    return presentOrgUnit(unit, body.parentCode);
  }

  @Patch('admin/org-units/:code')
  @RequirePermission('admin')
  @ApiOperation({ summary: 'Rename an org unit / 修改单位名称' })
  async rename(@CurrentUser() p: Principal, @Param('code') code: string, @Body() body: RenameOrgUnitDto) {
    const unit = await this.units.rename(p, code, body.name);
    return presentOrgUnit(unit, parentCodeOf(unit));
  }
}
