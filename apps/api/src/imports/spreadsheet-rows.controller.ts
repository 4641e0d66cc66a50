import { Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { GateFreeUpload } from '../database/gate-free-upload';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppError, Errors } from '../common/app-error';
import { DbGate } from '../database/db-gate';
import { readTabularTable, tooManyRows } from './tabular-file';

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
  constructor(private readonly gate: DbGate) {}

  @Post()
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Rows of an uploaded CSV/XLSX (header → cell text) for filling a form table; stores nothing / 读取表格行' })
  @UseInterceptors(GateFreeUpload('file', MAX_BYTES))
  async rows(@UploadedFile() file: Express.Multer.File | undefined) {
    if (!file) throw Errors.badFile('BAD_FILE/missing');
    const name = Buffer.from(file.originalname, 'latin1').toString('utf8');
    // Parsing needs no database: outside the SQLite gate, with the row cap applied while reading.
    const table = await this.gate
      .outside(() => readTabularTable(name, file.buffer, MAX_FORM_TABLE_ROWS))
      .catch((e: unknown) => {
        throw e instanceof AppError && e.code === 'TOO_MANY_ROWS' ? tooManyRows(MAX_FORM_TABLE_ROWS, 'TOO_MANY_ROWS/form-table') : e;
      });
    return { headers: table.headers, rows: table.rows };
  }
}
