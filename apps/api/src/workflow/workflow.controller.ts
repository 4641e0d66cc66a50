import { Body, Controller, Get, Headers, Param, Post, Query, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Tx } from './case-actions.repository';
import { Engine } from '@kcbx/engine';
import { Errors } from '../common/app-error';
import { pickLanguage } from '../common/language';
import { CurrentUser, RequirePermission } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { TaskNotifier } from '../notifications/task-notifier';
import { AuditService } from '../audit-log/audit.service';
import { DeploymentsService, Resource } from './deployments.service';
import { FormsService } from './forms.service';
import { ProcessesService } from './processes.service';
import { StartService } from './start.service';
import { StartDto } from './workflow.dto';

const MAX_RESOURCE_BYTES = 5 * 1024 * 1024;

@ApiTags('workflow')
@ApiBearerAuth()
@Controller()
export class WorkflowController {
  constructor(
    private readonly deployments: DeploymentsService,
    private readonly processes: ProcessesService,
    private readonly starts: StartService,
    private readonly forms: FormsService,
    private readonly engine: Engine<Tx>,
    private readonly notifier: TaskNotifier,
    private readonly audit: AuditService,
  ) {}

  @Post('deployments')
  @RequirePermission('design')
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiOperation({
    summary:
      'Deploy .bpmn and .form.json files together; every problem listed. ?dryRun=true checks and reports {dryRun, processDefinitions:[{key, version, name, isNew}], forms:[{key, version, isNew}]}, storing nothing / 部署流程与表单（dryRun 仅校验）',
  })
  @ApiQuery({
    name: 'dryRun',
    required: false,
    description: 'true: validate only; the same 400 details, or 201 with what would be deployed',
  })
  @UseInterceptors(FilesInterceptor('files', 200, { limits: { fileSize: MAX_RESOURCE_BYTES + 1 } }))
  deploy(
    @CurrentUser() p: Principal,
    @UploadedFiles() files: Express.Multer.File[] | undefined,
    @Body() body: { resources?: Resource[] },
    @Query('dryRun') dryRun?: string,
  ) {
    const resources: Resource[] = files?.length
      ? files.map((f) => ({ name: Buffer.from(f.originalname, 'latin1').toString('utf8'), content: f.buffer.toString('utf8') }))
      : Array.isArray(body?.resources)
        ? body.resources.filter((r) => typeof r?.name === 'string' && typeof r?.content === 'string')
        : [];
    return this.deployments.deploy(p, resources, dryRun === 'true');
  }

  @Get('process-definitions')
  @ApiOperation({ summary: 'Latest version of each procedure (?all=true for every version) / 流程定义' })
  definitions(@CurrentUser() p: Principal, @Query('all') all?: string) {
    return this.processes.definitions(p.tenantId, all === 'true');
  }

  @Get('process-definitions/startable')
  @ApiOperation({
    summary: 'Procedures the caller may start by hand (latest versions) with hasStartForm, startFormKey, starterGroups / 可发起的流程',
  })
  startable(@CurrentUser() p: Principal) {
    return this.starts.startable(p);
  }

  @Get('process-definitions/key/:key/start-form')
  @ApiOperation({
    summary:
      "The start form of a procedure's latest version: {key, version, startEventId, starterGroups, form|null, fieldPermissions} / 发起表单",
  })
  startForm(@CurrentUser() p: Principal, @Param('key') key: string) {
    return this.starts.startForm(p, key);
  }

  @Get('process-definitions/:id/xml')
  @ApiOperation({ summary: 'The BPMN XML of a definition (for the diagram viewer) / 流程图' })
  xml(@CurrentUser() p: Principal, @Param('id') id: string) {
    return this.processes.definitionXml(p.tenantId, id).then((xml) => ({ xml }));
  }

  @Get('process-definitions/:id/instances-count')
  @ApiOperation({
    summary:
      'Instances of one definition version in the caller scope: {definitionId, key, version, active, completed, terminated} / 各版本实例数',
  })
  instanceCounts(@CurrentUser() p: Principal, @Param('id') id: string) {
    return this.processes.instanceCounts(p, id);
  }

  @Post('process-definitions/key/:key/start')
  @ApiOperation({
    summary:
      'Start a procedure at an org unit in scope, for a student in scope; `data` is validated against the start form (400 with field errors) / 发起流程',
  })
  start(@CurrentUser() p: Principal, @Param('key') key: string, @Body() body: StartDto, @Headers('accept-language') lang?: string) {
    return this.starts.start(p, key, body ?? {}, pickLanguage(lang));
  }

  @Post('messages')
  @RequirePermission('design')
  @ApiOperation({ summary: 'Correlate a message to a waiting instance / 消息关联' })
  async message(
    @CurrentUser() p: Principal,
    @Body() body: { name?: string; correlationKey?: string; variables?: Record<string, unknown> },
  ) {
    if (!body?.name) throw Errors.validation([{ field: 'name', message: '缺少消息名称 / name is required' }]);
    const result = await this.engine.correlateMessage({
      tenantId: p.tenantId,
      name: body.name,
      correlationKey: body.correlationKey ?? null,
      variables: body.variables,
      // the notices of the tasks it opens commit with the correlation (#14 point 11)
      sideWrites: async (m, correlated) => {
        await this.notifier.instanceTasks(p.tenantId, correlated.instanceId, m);
        await this.audit.inCommand(m, correlated.instanceId);
      },
    });
    return result;
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
