import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Errors } from '../common/app-error';
import { Public } from '../identity/decorators';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly ds: DataSource) {}

  @Public()
  @Get()
  @ApiOperation({ summary: '200 when the database answers / 健康检查' })
  async health() {
    try {
      await this.ds.query('SELECT 1');
    } catch {
      throw Errors.unavailable({ zh: '数据库不可用', en: 'The database is not answering' });
    }
    return { status: 'ok', database: this.ds.options.type === 'postgres' ? 'postgres' : 'sqlite' };
  }
}
