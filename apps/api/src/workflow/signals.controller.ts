import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Tx } from './case-actions.repository';
import { Engine, type SignalOutcome } from '@kcbx/engine';
import { Errors } from '../common/app-error';
import { CurrentUser, RequirePermission } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { TaskNotifier } from '../notifications/task-notifier';
import { AuditService } from '../audit-log/audit.service';

const MAX_NAME = 255;

/**
 * Broadcasting a BPMN signal in the caller's county (issue #18): every instance waiting for it there moves, and
 * every procedure that starts on it starts — never another county's. Who may send one: procedure designers, as
 * for messages.
 */
@ApiTags('workflow')
@ApiBearerAuth()
@Controller()
export class SignalsController {
  constructor(
    private readonly engine: Engine<Tx>,
    private readonly notifier: TaskNotifier,
    private readonly audit: AuditService,
  ) {}

  @Post('signals')
  @RequirePermission('design')
  @ApiOperation({
    summary:
      "Broadcast a signal in the caller's county: {name, variables?} → {reached: instance ids, started: instance ids} / 广播信号（仅本县）",
  })
  async broadcast(@CurrentUser() p: Principal, @Body() body: { name?: unknown; variables?: unknown }): Promise<SignalOutcome> {
    const name = typeof body?.name === 'string' ? body.name.trim() : '';
    const details: { field: string; message: string }[] = [];
    if (!name) details.push({ field: 'name', message: '缺少信号名称 / name is required' });
    else if (name.length > MAX_NAME)
      details.push({ field: 'name', message: `信号名称最多 ${MAX_NAME} 个字符 / at most ${MAX_NAME} characters` });
    const variables = body?.variables ?? {};
    if (typeof variables !== 'object' || variables === null || Array.isArray(variables))
      details.push({ field: 'variables', message: '变量须为对象 / variables must be an object' });
    if (details.length > 0) throw Errors.validation(details);
    const outcome = await this.engine.broadcastSignal({
      tenantId: p.tenantId,
      name,
      variables: variables as Record<string, unknown>,
      userId: p.userId,
      // the notices of the tasks it opens commit with the signal (#14 point 11)
      sideWrites: async (m, reached) => {
        for (const instanceId of [...reached.reached, ...reached.started]) {
          await this.notifier.instanceTasks(p.tenantId, instanceId, m);
        }
        await this.audit.inCommand(m);
      },
    });
    return outcome;
  }
}
