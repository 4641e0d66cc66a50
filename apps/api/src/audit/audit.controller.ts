import { Controller, Get, Query } from '@nestjs/common';
import { paging } from '../common/paging';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, RequirePermission } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { AuditService } from '../audit-log/audit.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission('audit.read')
  @ApiOperation({ summary: "The county's audit log, newest first / 操作日志" })
  list(
    @CurrentUser() p: Principal,
    @Query('username') username?: string,
    @Query('entity') entity?: string,
    @Query('page') page = '1',
    @Query('pageSize') pageSize = '50',
  ) {
    return this.audit.list(
      p.tenantId,
      { username, entity },
      paging(page, pageSize, 50, 500).page,
      paging(page, pageSize, 50, 500).pageSize,
    );
  }
}
