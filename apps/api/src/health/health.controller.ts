import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Errors } from '../common/app-error';
import { Public } from '../identity/decorators';
import { HealthRepository } from './health.repository';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly database: HealthRepository) {}

  @Public()
  @Get()
  @ApiOperation({ summary: '200 when the database answers / 健康检查' })
  async health() {
    let database: 'postgres' | 'sqlite';
    try {
      database = await this.database.ping();
    } catch {
      throw Errors.unavailable('UNAVAILABLE/database');
    }
    return { status: 'ok', database };
  }
}
