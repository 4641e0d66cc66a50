import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { paging } from '../common/paging';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { CurrentUser, RequirePermission } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { UsersService } from './users.service';

class RoleAtDto {
  @ApiProperty({ example: 'class-teacher' }) @IsString() role!: string;
  @ApiProperty({ example: '64042210001' }) @IsString() orgUnit!: string;
}

class CreateUserDto {
  @ApiProperty() @IsString() @Matches(/^[A-Za-z0-9_.-]{2,64}$/) username!: string;
  @ApiProperty() @IsString() @MinLength(8) @MaxLength(200) password!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) displayName!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) phone?: string;
  @ApiProperty({ type: [RoleAtDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RoleAtDto)
  roles!: RoleAtDto[];
}

class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) displayName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(8) @MaxLength(200) password?: string;
}

class SetRolesDto {
  @ApiProperty({ type: [RoleAtDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RoleAtDto)
  roles!: RoleAtDto[];
}

@ApiTags('admin')
@ApiBearerAuth()
@RequirePermission('admin')
@Controller('admin/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Users with their role assignments / 用户列表' })
  list(@CurrentUser() p: Principal, @Query('q') q?: string, @Query('page') page = '1', @Query('pageSize') pageSize = '20') {
    const pg = paging(page, pageSize, 20, 200);
    return this.users.list(p, q, pg.page, pg.pageSize);
  }

  @Get(':id')
  get(@CurrentUser() p: Principal, @Param('id') id: string) {
    return this.users.get(p, id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a user with roles at org units / 新增用户' })
  create(@CurrentUser() p: Principal, @Body() body: CreateUserDto) {
    return this.users.create(p, body);
  }

  @Patch(':id')
  update(@CurrentUser() p: Principal, @Param('id') id: string, @Body() body: UpdateUserDto) {
    return this.users.update(p, id, body);
  }

  @Put(':id/roles')
  @ApiOperation({ summary: "Replace a user's role assignments / 设置用户角色" })
  setRoles(@CurrentUser() p: Principal, @Param('id') id: string, @Body() body: SetRolesDto) {
    return this.users.setRoles(p, id, body.roles);
  }
}
