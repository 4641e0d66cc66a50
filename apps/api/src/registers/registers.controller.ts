import { Body, Controller, Get, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { GateFreeUpload } from '../database/gate-free-upload';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Errors } from '../common/app-error';
import { REGISTER_SOURCES, RegisterSource } from '../database/entities';
import { CurrentUser, RequirePermission } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { MAX_IMPORT_BYTES } from '../imports/tabular-file';
import { ColumnMapping } from './register-columns';
import { RegisterImportService } from './register-import.service';

function sourceOf(value: string): RegisterSource {
  if (!REGISTER_SOURCES.includes(value as RegisterSource)) throw Errors.notFound('registerSource', value);
  return value as RegisterSource;
}

function mappingOf(raw: unknown): ColumnMapping {
  if (!raw) return {};
  try {
    const parsed = typeof raw === 'string' ? JSON.parse(raw) : raw;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as ColumnMapping;
  } catch {
    // fall through to the error below
  }
  throw Errors.validation([{ field: 'mapping', message: 'mapping 应为 JSON 对象 / mapping must be a JSON object' }]);
}

@ApiTags('registers')
@ApiBearerAuth()
@RequirePermission('ledger.manage')
@Controller('registers')
export class RegistersController {
  constructor(private readonly imports: RegisterImportService) {}

  @Post(':source/imports')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Import a register (household, student, enrolment, poverty) from CSV/XLSX / 导入名册' })
  @UseInterceptors(GateFreeUpload('file', MAX_IMPORT_BYTES))
  async import(
    @CurrentUser() p: Principal,
    @Param('source') source: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body('mapping') mapping?: string,
    @Query('progressKey') progressKey?: string,
  ) {
    if (!file) throw Errors.badFile('BAD_FILE/missing');
    const name = Buffer.from(file.originalname, 'latin1').toString('utf8');
    return this.imports.import(p, sourceOf(source), name, file.buffer, mappingOf(mapping), progressKey);
  }

  @Post(':source/previews')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Columns, detected mapping, first rows and row problems, without saving / 导入预览' })
  @UseInterceptors(GateFreeUpload('file', MAX_IMPORT_BYTES))
  async preview(@Param('source') source: string, @UploadedFile() file: Express.Multer.File | undefined, @Body('mapping') mapping?: string) {
    sourceOf(source);
    if (!file) throw Errors.badFile('BAD_FILE/missing');
    return this.imports.preview(Buffer.from(file.originalname, 'latin1').toString('utf8'), file.buffer, mappingOf(mapping));
  }

  @Get('imports')
  @ApiOperation({ summary: 'Every import with who and when / 导入记录' })
  list(@CurrentUser() p: Principal, @Query('source') source?: string) {
    return this.imports.list(p, source ? sourceOf(source) : undefined);
  }

  @Get('imports/:id')
  @ApiOperation({ summary: 'One import with its row problems / 导入记录详情（含问题行）' })
  get(@CurrentUser() p: Principal, @Param('id') id: string) {
    return this.imports.get(p, id);
  }

  @Get('import-progress/:key')
  @ApiOperation({ summary: 'Progress of a running import (pass ?progressKey= when uploading) / 导入进度' })
  progress(@Param('key') key: string) {
    return this.imports.progressOf(key) ?? { phase: 'unknown', done: 0, total: 0 };
  }
}
