import { Body, Controller, Get, HttpCode, Delete, Param, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, RequirePermission } from '../identity/decorators';
import type { Principal } from '../identity/principal';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeysService, type KeyHolder } from './api-keys.service';
import { Holder } from './key-holder.decorator';
import { BpmnErrorDto, CompleteDto, CreateApiKeyDto, ExtendLockDto, FailureDto, FetchAndLockDto } from './external-tasks.dto';
import { ExternalTasksService } from './external-tasks.service';

/** What external workers call, with a county's API key (`Authorization: ApiKey <key>` or `X-API-Key`). */
@ApiTags('external tasks / 外部任务')
@Public()
@UseGuards(ApiKeyGuard)
@Controller('external-tasks')
export class ExternalTasksController {
  constructor(private readonly tasks: ExternalTasksService) {}

  @Post('fetch-and-lock')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lock up to maxTasks of the county’s external tasks on the topics / 按主题领取并锁定外部任务' })
  fetchAndLock(@Holder() holder: KeyHolder, @Body() body: FetchAndLockDto) {
    return this.tasks.fetchAndLock(holder, body);
  }

  @Post(':id/complete')
  @HttpCode(204)
  @ApiOperation({ summary: 'Complete a locked task with variables / 完成外部任务' })
  complete(@Holder() holder: KeyHolder, @Param('id') id: string, @Body() body: CompleteDto) {
    return this.tasks.complete(holder, id, body);
  }

  @Post(':id/failure')
  @HttpCode(204)
  @ApiOperation({ summary: 'Report a failure: retries left and when to retry; 0 opens an incident / 报告失败' })
  failure(@Holder() holder: KeyHolder, @Param('id') id: string, @Body() body: FailureDto) {
    return this.tasks.failure(holder, id, body);
  }

  @Post(':id/bpmn-error')
  @HttpCode(204)
  @ApiOperation({ summary: 'Throw a BPMN error the model catches / 抛出业务错误' })
  bpmnError(@Holder() holder: KeyHolder, @Param('id') id: string, @Body() body: BpmnErrorDto) {
    return this.tasks.bpmnError(holder, id, body);
  }

  @Post(':id/extend-lock')
  @HttpCode(204)
  @ApiOperation({ summary: 'Extend the lock from now / 延长锁定' })
  extendLock(@Holder() holder: KeyHolder, @Param('id') id: string, @Body() body: ExtendLockDto) {
    return this.tasks.extendLock(holder, id, body);
  }
}

/** The county administrator's keys for programs. */
@ApiTags('admin / 管理')
@RequirePermission('admin')
@Controller('admin/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  list(@CurrentUser() p: Principal) {
    return this.keys.list(p);
  }

  @Post()
  @ApiOperation({ summary: 'Make a key; the key is in this answer only / 新建密钥（仅此一次显示）' })
  create(@CurrentUser() p: Principal, @Body() body: CreateApiKeyDto) {
    return this.keys.create(p, body.name);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a key at once / 吊销密钥' })
  revoke(@CurrentUser() p: Principal, @Param('id') id: string) {
    return this.keys.revoke(p, id);
  }
}
