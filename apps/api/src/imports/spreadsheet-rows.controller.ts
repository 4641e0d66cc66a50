import { Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Errors } from '../common/app-error';
import { readTabularTable } from './tabular-file';

/** More rows than a form's table should hold: a register belongs in 数据比对, not in a form. */
export const MAX_FORM_TABLE_ROWS = 2000;
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Reads a spreadsheet a clerk picked for a form's table (e.g. the inspectorate's list of feedback problems for
 * a rectification batch) and hands back its rows; nothing is stored. The browser maps headers to columns.
 */
@ApiTags('forms')
@ApiBearerAuth()
@Controller('spreadsheet-rows')
export class SpreadsheetRowsController {
  @Post()
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Rows of an uploaded CSV/XLSX (header → cell text) for filling a form table; stores nothing / 读取表格行' })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_BYTES } }))
  async rows(@UploadedFile() file: Express.Multer.File | undefined) {
    if (!file) throw Errors.badFile('Attach the file as multipart field "file"', '请以 file 字段上传文件');
    const table = await readTabularTable(Buffer.from(file.originalname, 'latin1').toString('utf8'), file.buffer);
    if (table.rows.length > MAX_FORM_TABLE_ROWS) {
      throw Errors.badFile(
        `A form table takes at most ${MAX_FORM_TABLE_ROWS} rows; this file has ${table.rows.length}`,
        `表单中的表格最多 ${MAX_FORM_TABLE_ROWS} 行，此文件有 ${table.rows.length} 行`,
      );
    }
    return { headers: table.headers, rows: table.rows };
  }
}
