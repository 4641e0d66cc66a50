import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RetentionOverview } from '@kcbx/api-contract';
import { CurrentUser, RequirePermission } from '../identity/decorators';
import type { Principal } from '../identity/principal';
import { RetentionService } from './retention.service';

/** What the history-retention cleanup removed in the administrator's county. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/retention')
export class RetentionController {
  constructor(private readonly service: RetentionService) {}

  @Get()
  @RequirePermission('admin')
  @ApiOperation({ summary: "The county's history retention period and what each cleanup removed / 历史数据保留与清理记录" })
  overview(@CurrentUser() p: Principal): Promise<RetentionOverview> {
    return this.service.overview(p.tenantId);
  }
}
