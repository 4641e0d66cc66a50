import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { paging } from '../common/paging';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsObject, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { STUDENT_STATUSES, StudentStatus } from '../database/entities';
import { CurrentUser, RequirePermission } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { StudentsService } from './students.service';

class GuardianDto {
  @ApiProperty({ example: '马某某' }) @IsString() @MinLength(1) @MaxLength(50) name!: string;
  @ApiProperty({ example: '父亲' }) @IsString() @MaxLength(20) relation!: string;
  @ApiPropertyOptional({ example: '13800000000' }) @IsOptional() @IsString() @MaxLength(20) phone?: string;
}

class FlagsDto {
  @IsOptional() @IsBoolean() povertyHousehold?: boolean;
  @IsOptional() @IsBoolean() leftBehind?: boolean;
  @IsOptional() @IsBoolean() migrant?: boolean;
  @IsOptional() @IsObject() disability?: { type: string; grade: number } | null;
  @IsOptional() @IsBoolean() orphan?: boolean;
}

class CreateStudentDto {
  @ApiProperty({ example: '马小明' }) @IsString() @MinLength(1) @MaxLength(50) name!: string;
  @ApiProperty({ example: '640422201203050017' }) @IsString() idNumber!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() studentNumber?: string;
  @ApiPropertyOptional({ example: '回族' }) @IsOptional() @IsString() @MaxLength(20) ethnicity?: string;
  @ApiProperty({ example: '64042210001', description: 'school org unit code' }) @IsString() school!: string;
  @ApiPropertyOptional({ example: '五年级' }) @IsOptional() @IsString() @MaxLength(20) grade?: string;
  @ApiPropertyOptional({ example: '2班' }) @IsOptional() @IsString() @MaxLength(20) className?: string;
  @ApiPropertyOptional({ example: '640422100' }) @IsOptional() @IsString() residenceCode?: string;
  @ApiPropertyOptional({ example: '北坡村' }) @IsOptional() @IsString() @MaxLength(60) village?: string;
  @ApiPropertyOptional({ type: [GuardianDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => GuardianDto)
  guardians?: GuardianDto[];
  @ApiPropertyOptional({ type: FlagsDto }) @IsOptional() @ValidateNested() @Type(() => FlagsDto) flags?: FlagsDto;
}

@ApiTags('students')
@ApiBearerAuth()
@Controller('students')
export class StudentsController {
  constructor(private readonly students: StudentsService) {}

  @Get()
  @ApiOperation({ summary: 'Students in the caller scope; ID numbers masked / 学生名册' })
  list(
    @CurrentUser() p: Principal,
    @Query('q') q?: string,
    @Query('orgUnit') orgUnit?: string,
    @Query('status') status?: string,
    @Query('page') page = '1',
    @Query('pageSize') pageSize = '20',
  ) {
    return this.students.list(p, {
      q,
      orgUnit,
      status: STUDENT_STATUSES.includes(status as StudentStatus) ? (status as StudentStatus) : undefined,
      ...paging(page, pageSize, 20, 200),
    });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One student with the full ID number (audited) / 学生档案（一生一案）' })
  get(@CurrentUser() p: Principal, @Param('id') id: string) {
    return this.students.getWithFullId(p, id);
  }

  @Post()
  @RequirePermission('student.manage')
  @ApiOperation({ summary: 'Register a student (birth date and sex come from the ID number) / 登记学生' })
  create(@CurrentUser() p: Principal, @Body() body: CreateStudentDto) {
    return this.students.create(p, body);
  }
}
