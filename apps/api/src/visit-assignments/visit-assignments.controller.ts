import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Errors } from '../common/app-error';
import { GateFreeUpload } from '../database/gate-free-upload';
import { CurrentUser, RequirePermission } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { MAX_IMPORT_BYTES } from '../imports/tabular-file';
import { VisitAssignmentsService } from './visit-assignments.service';

class AssignmentDto {
  @ApiProperty({ example: 'bureau', description: '包抓人的账号 / the person’s account' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username!: string;
  @ApiPropertyOptional({ example: '局领导（班子成员）', description: '科室（中心）；不填则取其在县局的角色名' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  office?: string;
  @ApiProperty({ example: '640422100', description: '包抓乡镇（代码或名称）' })
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  township!: string;
  @ApiPropertyOptional({ example: ['64042210001'], description: '联系学校（代码或名称）；不填为全乡镇学校' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  schools?: string[];
}

@ApiTags('visit-assignments')
@ApiBearerAuth()
@Controller('visit-assignments')
export class VisitAssignmentsController {
  constructor(private readonly assignments: VisitAssignmentsService) {}

  @Get()
  @RequirePermission('report.read')
  @ApiOperation({ summary: '包抓分工: who of the bureau visits which township and schools / 包抓分工表' })
  list(@CurrentUser() p: Principal) {
    return this.assignments.list(p);
  }

  @Post()
  @RequirePermission('ledger.manage')
  @ApiOperation({ summary: 'Add an assignment / 新增包抓分工' })
  create(@CurrentUser() p: Principal, @Body() body: AssignmentDto) {
    return this.assignments.create(p, body);
  }

  @Put(':id')
  @RequirePermission('ledger.manage')
  @ApiOperation({ summary: 'Change an assignment / 修改包抓分工' })
  update(@CurrentUser() p: Principal, @Param('id') id: string, @Body() body: AssignmentDto) {
    return this.assignments.update(p, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('ledger.manage')
  @ApiOperation({ summary: 'Remove an assignment / 删除包抓分工' })
  remove(@CurrentUser() p: Principal, @Param('id') id: string) {
    return this.assignments.remove(p, id);
  }

  @Post('imports')
  @RequirePermission('ledger.manage')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary:
      'Replace the table with the 附件-style list (CSV/XLSX: 姓名 or 账号, 科室, 包抓乡镇, 联系学校); any bad cell refuses the whole list by row and column; ?dryRun=true only checks / 导入包抓分工表',
  })
  @UseInterceptors(GateFreeUpload('file', MAX_IMPORT_BYTES))
  async import(@CurrentUser() p: Principal, @UploadedFile() file: Express.Multer.File | undefined, @Query('dryRun') dryRun?: string) {
    if (!file) throw Errors.badFile('BAD_FILE/missing');
    return this.assignments.import(p, Buffer.from(file.originalname, 'latin1').toString('utf8'), file.buffer, dryRun === 'true');
  }
}
