import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ORG_UNIT_KINDS, OrgUnitKind, Permission, PERMISSIONS } from '../database/entities';

class TenantDto {
  @ApiProperty({ example: '640422' }) @IsString() @Matches(/^\d{6}$/) code!: string;
  @ApiProperty({ example: '西吉县' }) @IsString() @MaxLength(100) name!: string;
}

class OrgUnitDto {
  @ApiProperty({ example: '64042210001' }) @IsString() @Matches(/^[0-9A-Za-z-]{1,32}$/) code!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(120) name!: string;
  @ApiProperty({ enum: ORG_UNIT_KINDS }) @IsIn(ORG_UNIT_KINDS as unknown as string[]) kind!: OrgUnitKind;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() parentCode!: string | null;
}

class RoleDto {
  @ApiProperty({ example: 'village-head' }) @IsString() @Matches(/^[a-z][a-z0-9-]{1,63}$/) key!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) nameEn?: string;
  @ApiPropertyOptional({ enum: PERMISSIONS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(PERMISSIONS as unknown as string[], { each: true })
  permissions?: Permission[];
}

class RoleAtDto {
  @ApiProperty() @IsString() role!: string;
  @ApiProperty() @IsString() orgUnit!: string;
}

class UserDto {
  @ApiProperty() @IsString() @Matches(/^[A-Za-z0-9_.-]{2,64}$/) username!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) displayName!: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(20) phone?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiProperty({ type: [RoleAtDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RoleAtDto)
  roles!: RoleAtDto[];
}

class WorkflowDto {
  @ApiProperty({ example: 'persuasion-return.bpmn' }) @IsString() @MaxLength(200) name!: string;
  @ApiProperty() @IsString() content!: string;
}

class VisitAssignmentDto {
  @ApiProperty({ example: 'bureau' }) @IsString() @Matches(/^[A-Za-z0-9_.-]{2,64}$/) username!: string;
  @ApiPropertyOptional({ example: '局领导（班子成员）' }) @IsOptional() @IsString() @MaxLength(60) office?: string;
  @ApiProperty({ example: '640422100' }) @IsString() @MinLength(1) @MaxLength(60) township!: string;
  @ApiPropertyOptional({ example: ['64042210001'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  schools?: string[];
}

/** The package as GET returns it, plus the password new users start with (seed / demo; never exported). */
export class CountyPackageDto {
  @ApiPropertyOptional({ example: 'kcbx-county-package/1' }) @IsOptional() @IsString() format?: string;
  @ApiProperty({ type: TenantDto }) @ValidateNested() @Type(() => TenantDto) tenant!: TenantDto;
  @ApiProperty({ type: [OrgUnitDto] })
  @IsArray()
  @ArrayMaxSize(20000)
  @ValidateNested({ each: true })
  @Type(() => OrgUnitDto)
  orgUnits!: OrgUnitDto[];
  @ApiProperty({ type: [RoleDto] }) @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => RoleDto) roles!: RoleDto[];
  @ApiProperty({ type: [UserDto] }) @IsArray() @ArrayMaxSize(20000) @ValidateNested({ each: true }) @Type(() => UserDto) users!: UserDto[];
  @ApiProperty({ type: [Object] }) @IsArray() @ArrayMaxSize(200) @IsObject({ each: true }) forms!: Record<string, unknown>[];
  @ApiProperty({ type: [WorkflowDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => WorkflowDto)
  workflows!: WorkflowDto[];
  @ApiPropertyOptional({ type: [VisitAssignmentDto], description: '包抓分工（不含则不改动本县的分工表） / 包抓 assignments' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => VisitAssignmentDto)
  visitAssignments?: VisitAssignmentDto[];
  @ApiPropertyOptional({
    description: '新建用户的初始密码（不填则新用户需管理员设置密码后才能登录） / password for users the import creates',
  })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  initialPassword?: string;
}
