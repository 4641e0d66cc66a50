import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Permission, PERMISSIONS } from '../database/entities';
import { CurrentUser, RequirePermission } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { presentRole, RolesService } from './roles.service';

class CreateRoleDto {
  @ApiProperty({ example: 'village-head' }) @IsString() @Matches(/^[a-z][a-z0-9-]{1,63}$/) key!: string;
  @ApiProperty({ example: '村长' }) @IsString() @MinLength(1) @MaxLength(100) name!: string;
  @ApiPropertyOptional({ example: 'Village head' }) @IsOptional() @IsString() @MaxLength(100) nameEn?: string;
  @ApiPropertyOptional({ enum: PERMISSIONS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(PERMISSIONS as unknown as string[], { each: true })
  permissions?: Permission[];
}

@ApiTags('admin')
@ApiBearerAuth()
@RequirePermission('admin')
@Controller('admin/roles')
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get()
  @ApiOperation({ summary: "The county's roles (BPMN candidateGroups name role keys) / 角色" })
  async list(@CurrentUser() p: Principal) {
    return (await this.roles.list(p.tenantId)).map(presentRole);
  }

  @Post()
  async create(@CurrentUser() p: Principal, @Body() body: CreateRoleDto) {
    return presentRole(await this.roles.create(p.tenantId, body));
  }
}
