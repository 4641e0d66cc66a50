import { Body, Controller, Get, Headers, Param, Post, Query, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Engine } from '@kcbx/engine';
import { Errors } from '../common/app-error';
import { pickLanguage } from '../common/language';
import { CurrentUser, RequirePermission } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { DeploymentsService, Resource } from './deployments.service';
import { FormsService } from './forms.service';
import { ProcessesService, StartInput } from './processes.service';
import { TasksService } from './tasks.service';
import { InboxScope } from './task-inbox';

const MAX_RESOURCE_BYTES = 5 * 1024 * 1024;

@ApiTags('workflow')
@ApiBearerAuth()
@Controller()
export class WorkflowController {
  constructor(
    private readonly deployments: DeploymentsService,
    private readonly processes: ProcessesService,
    private readonly tasks: TasksService,
    private readonly forms: FormsService,
    private readonly engine: Engine,
  ) {}

  @Post('deployments')
  @RequirePermission('design')
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiOperation({ summary: 'Deploy .bpmn and .form.json files together; every problem listed / 部署流程与表单' })
  @UseInterceptors(FilesInterceptor('files', 200, { limits: { fileSize: MAX_RESOURCE_BYTES + 1 } }))
  deploy(@CurrentUser() p: Principal, @UploadedFiles() files: Express.Multer.File[] | undefined, @Body() body: { resources?: Resource[] }) {
    const resources: Resource[] = files?.length
      ? files.map((f) => ({ name: Buffer.from(f.originalname, 'latin1').toString('utf8'), content: f.buffer.toString('utf8') }))
      : Array.isArray(body?.resources)
        ? body.resources.filter((r) => typeof r?.name === 'string' && typeof r?.content === 'string')
        : [];
    return this.deployments.deploy(p, resources);
  }

  @Get('process-definitions')
  @ApiOperation({ summary: 'Latest version of each procedure (?all=true for every version) / 流程定义' })
  definitions(@CurrentUser() p: Principal, @Query('all') all?: string) {
    return this.processes.definitions(p.tenantId, all === 'true');
  }

  @Get('process-definitions/:id/xml')
  @ApiOperation({ summary: 'The BPMN XML of a definition (for the diagram viewer) / 流程图' })
  xml(@CurrentUser() p: Principal, @Param('id') id: string) {
    return this.processes.definitionXml(p.tenantId, id).then((xml) => ({ xml }));
  }

  @Post('process-definitions/key/:key/start')
  @ApiOperation({ summary: 'Start a procedure at an org unit in scope / 发起流程' })
  start(@CurrentUser() p: Principal, @Param('key') key: string, @Body() body: StartInput & { data?: Record<string, unknown> }) {
    if (body?.variables !== undefined && (typeof body.variables !== 'object' || Array.isArray(body.variables))) {
      throw Errors.validation([{ field: 'variables', message: 'variables 应为对象 / variables must be an object' }]);
    }
    return this.processes.start(p, key, { ...body, variables: { ...(body?.variables ?? {}), ...(body?.data ?? {}) } });
  }

  @Get('process-instances/:id')
  @ApiOperation({ summary: 'State, active steps, variables, incidents, timeline / 流程实例' })
  instance(@CurrentUser() p: Principal, @Param('id') id: string) {
    return this.processes.get(p, id);
  }

  @Post('messages')
  @RequirePermission('design')
  @ApiOperation({ summary: 'Correlate a message to a waiting instance / 消息关联' })
  message(@CurrentUser() p: Principal, @Body() body: { name?: string; correlationKey?: string; variables?: Record<string, unknown> }) {
    if (!body?.name) throw Errors.validation([{ field: 'name', message: '缺少消息名称 / name is required' }]);
    return this.engine.correlateMessage({ tenantId: p.tenantId, name: body.name, correlationKey: body.correlationKey ?? null, variables: body.variables });
  }

  @Get('tasks')
  @ApiOperation({ summary: 'The inbox: mine, claimable (candidate) or all, with counts / 待办' })
  inbox(
    @CurrentUser() p: Principal,
    @Query('scope') scope = 'all',
    @Query('processKey') processKey?: string,
    @Query('orgUnit') orgUnit?: string,
    @Query('overdue') overdue?: string,
    @Query('page') page = '1',
    @Query('pageSize') pageSize = '20',
  ) {
    const s: InboxScope = scope === 'mine' || scope === 'candidate' ? scope : 'all';
    return this.tasks.inbox(p, s, { processKey, orgUnit, overdue: overdue === 'true' }, Math.max(1, Number(page) || 1), Math.min(200, Math.max(1, Number(pageSize) || 20)));
  }

  @Get('tasks/:id')
  @ApiOperation({ summary: 'A task with its form, field permissions, current data and earlier steps / 任务详情' })
  task(@CurrentUser() p: Principal, @Param('id') id: string) {
    return this.tasks.detail(p, id);
  }

  @Post('tasks/:id/claim')
  claim(@CurrentUser() p: Principal, @Param('id') id: string) {
    return this.tasks.claim(p, id);
  }

  @Post('tasks/:id/unclaim')
  unclaim(@CurrentUser() p: Principal, @Param('id') id: string) {
    return this.tasks.unclaim(p, id);
  }

  @Post('tasks/:id/complete')
  @ApiOperation({ summary: "Submit the task's form; 400 with field errors, 409 if someone else got there first / 办理" })
  complete(@CurrentUser() p: Principal, @Param('id') id: string, @Body() body: { data?: unknown }, @Headers('accept-language') lang?: string) {
    return this.tasks.complete(p, id, body?.data ?? {}, pickLanguage(lang));
  }

  @Get('forms')
  @ApiOperation({ summary: 'Published forms / 表单列表' })
  formList(@CurrentUser() p: Principal) {
    return this.forms.list(p.tenantId);
  }

  @Get('forms/:key')
  @ApiOperation({ summary: 'A published form definition (?version=) / 表单定义' })
  form(@CurrentUser() p: Principal, @Param('key') key: string, @Query('version') version?: string) {
    return this.forms.get(p.tenantId, key, version ? Number(version) : undefined);
  }
}
