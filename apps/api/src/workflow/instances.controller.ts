import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { paging } from '../common/paging';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { ProcessesService } from './processes.service';
import { VariablesDto } from './workflow.dto';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller('process-instances')
export class InstancesController {
  constructor(private readonly processes: ProcessesService) {}

  @Get()
  @ApiOperation({
    summary:
      'Instances in the caller scope, newest first: {items:[{id, key, definitionId, version, businessKey, state, orgUnit, orgUnitName, studentId, studentName, startedAt, endedAt, incidents}], total} / 流程实例列表',
  })
  @ApiQuery({ name: 'definitionKey', required: false })
  @ApiQuery({ name: 'version', required: false })
  @ApiQuery({ name: 'state', required: false, enum: ['active', 'completed', 'terminated'] })
  @ApiQuery({ name: 'studentId', required: false })
  list(
    @CurrentUser() p: Principal,
    @Query('definitionKey') definitionKey?: string,
    @Query('version') version?: string,
    @Query('state') state?: string,
    @Query('studentId') studentId?: string,
    @Query('page') page = '1',
    @Query('pageSize') pageSize = '20',
  ) {
    return this.processes.list(p, {
      definitionKey,
      version: Number(version) || undefined,
      state,
      studentId,
      ...paging(page, pageSize, 20, 200),
    });
  }

  @Get(':id')
  @ApiOperation({ summary: 'State, active steps, variables, incidents, timeline / 流程实例' })
  instance(@CurrentUser() p: Principal, @Param('id') id: string) {
    return this.processes.get(p, id);
  }

  @Patch(':id/variables')
  @ApiOperation({
    summary:
      'Set variables of a running instance, e.g. to fix what an incident tripped over (policy designers and administrators) → the instance / 修改流程变量',
  })
  setVariables(@CurrentUser() p: Principal, @Param('id') id: string, @Body() body: VariablesDto) {
    return this.processes.setVariables(p, id, body.variables);
  }

  @Post(':id/incidents/:incidentId/retry')
  @ApiOperation({ summary: 'Retry an open incident (policy designers and administrators) → the instance / 重试故障' })
  retry(@CurrentUser() p: Principal, @Param('id') id: string, @Param('incidentId') incidentId: string) {
    return this.processes.retryIncident(p, id, incidentId);
  }
}
