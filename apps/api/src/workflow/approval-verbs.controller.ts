import { Body, Controller, Get, Headers, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { pickLanguage } from '../common/language';
import { CurrentUser } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { AddSignersDto, BatchCompleteDto, CopyDto, SignDto, UrgeDto, WithdrawDto } from './approval-verbs.dto';
import { ApprovalVerbsService } from './approval-verbs.service';
import { TaskCopies } from './task-copies';
import { TaskSigners } from './task-signers';
import { TasksService } from './tasks.service';

/** The approval verbs on a task (API.md: batch-complete, signers, withdraw, cc, urge); 抄送我的 is GET /tasks?scope=cc. */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class ApprovalVerbsController {
  constructor(
    private readonly tasks: TasksService,
    private readonly verbs: ApprovalVerbsService,
    private readonly signers: TaskSigners,
    private readonly copies: TaskCopies,
  ) {}

  @Post('batch-complete')
  @ApiOperation({
    summary:
      '批量审批: one decision for tasks of the same step and form whose model allows it (batchApproval) → {results:[{taskId, status, error?}], completed, failed}',
  })
  batch(@CurrentUser() p: Principal, @Body() body: BatchCompleteDto, @Headers('accept-language') lang?: string) {
    return this.verbs.batchComplete(p, body.taskIds, body.data, pickLanguage(lang));
  }

  @Post(':id/signers')
  @ApiOperation({ summary: '加签: before (前加签), after (后加签) or parallel (会签 all/ratio, 或签 any) → the round / 加签' })
  async addSigners(@CurrentUser() p: Principal, @Param('id') id: string, @Body() body: AddSignersDto) {
    return this.signers.add(p, await this.tasks.visible(p, id), body);
  }

  @Get(':id/signers')
  @ApiOperation({ summary: "The step's latest 加签 round with each signer's state and opinion" })
  async signing(@CurrentUser() p: Principal, @Param('id') id: string) {
    await this.tasks.visible(p, id).catch(async (err: unknown) => {
      if (!(await this.signers.isCoSigner(p, id))) throw err;
    });
    return this.signers.summary(id);
  }

  @Post(':id/sign')
  @ApiOperation({ summary: '会签 / 或签: a parallel co-signer approves or rejects → the round with its outcome' })
  sign(@CurrentUser() p: Principal, @Param('id') id: string, @Body() body: SignDto) {
    return this.signers.vote(p, id, body.decision, body.opinion);
  }

  @Post(':id/withdraw')
  @ApiOperation({ summary: "撤回: the previous step's submitter takes the case back while this step is not claimed or worked" })
  withdraw(@CurrentUser() p: Principal, @Param('id') id: string, @Body() body: WithdrawDto) {
    return this.verbs.withdraw(p, id, body.reason);
  }

  @Post(':id/cc')
  @ApiOperation({ summary: '抄送: copy the case to users and/or role holders (at the case unit or above) → {copied, names}' })
  async cc(@CurrentUser() p: Principal, @Param('id') id: string, @Body() body: CopyDto) {
    const row = await this.tasks.visible(p, id);
    return this.copies.byHand(p, row.task, body, row.orgUnitPath);
  }

  @Post(':id/urge')
  @ApiOperation({ summary: '催办: the starter or a supervisor nudges whoever works the step (once per 10 minutes) → {count, notified}' })
  urge(@CurrentUser() p: Principal, @Param('id') id: string, @Body() body: UrgeDto) {
    return this.verbs.urge(p, id, body.message);
  }
}
