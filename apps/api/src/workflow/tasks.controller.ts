import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { paging } from '../common/paging';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Errors } from '../common/app-error';
import { pickLanguage } from '../common/language';
import { CurrentUser } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { TaskActionsService } from './task-actions.service';
import { TaskAttachmentsService } from './task-attachments.service';
import { TaskCommentsService } from './task-comments.service';
import { TaskCopies } from './task-copies';
import { decodeCursor, InboxScope } from './task-inbox.repository';
import { DueState, TasksService } from './tasks.service';
import { CommentDto, DelegateTaskDto, LinkAttachmentDto, ReturnTaskDto } from './workflow.dto';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly actions: TaskActionsService,
    private readonly comments: TaskCommentsService,
    private readonly attachments: TaskAttachmentsService,
    private readonly copies: TaskCopies,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      "The inbox: mine, claimable (candidate) or all, with counts; ?scope=done is 已办 (what I completed, with the case's currentSteps); ?scope=cc is 抄送我的 (cases copied to me). Items carry studentId, studentName, studentIdNumber (masked), schoolName, processName, stepName, createdAt, dueAt. Filters: processKey, orgUnit, due=overdue|soon|all. Paging: `after` (the previous page's nextCursor; keyset, newest first) or `page`; a county-wide caller's total and badges are counted up to 100 (then totalCapped / counts.capped: show 99+) / 待办、已办",
  })
  @ApiQuery({ name: 'after', required: false, description: "the previous page's nextCursor (待办 scopes); takes the place of page" })
  @ApiQuery({ name: 'page', required: false, description: 'page number (1…); the older way to page, still served' })
  @ApiOkResponse({
    description:
      "items, total (a county-wide caller's counted up to 100), totalCapped (total is the cap: at least that many), nextCursor (null on the last page), counts { mine, candidate, overdue, capped }",
  })
  inbox(
    @CurrentUser() p: Principal,
    @Query('scope') scope = 'all',
    @Query('processKey') processKey?: string,
    @Query('orgUnit') orgUnit?: string,
    @Query('due') due?: string,
    @Query('overdue') overdue?: string,
    @Query('page') page = '1',
    @Query('pageSize') pageSize = '20',
    @Query('after') after?: string,
  ) {
    // a page that is not a whole number is refused at its field (#14 point 12), not clamped
    const { page: pageNo, pageSize: size } = paging(page, pageSize, 20, 200);
    if (scope === 'done') return this.tasks.done(p, pageNo, size);
    if (scope === 'cc') return this.copies.mine(p, pageNo, size);
    const s: InboxScope = scope === 'mine' || scope === 'candidate' ? scope : 'all';
    // `overdue=true` is the older spelling of due=overdue
    const dueState: DueState = due === 'overdue' || due === 'soon' ? due : overdue === 'true' ? 'overdue' : 'all';
    const cursor = after ? decodeCursor(after) : undefined;
    if (cursor === null) throw Errors.badPage('after');
    return this.tasks.inbox(p, s, { processKey, orgUnit, due: dueState }, pageNo, size, cursor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A task with its form, field permissions, current data and earlier steps / 任务详情' })
  task(@CurrentUser() p: Principal, @Param('id') id: string) {
    return this.tasks.detail(p, id);
  }

  @Post(':id/claim')
  @ApiOperation({ summary: 'Take a task offered to you; 409 if someone else holds it / 认领' })
  claim(@CurrentUser() p: Principal, @Param('id') id: string) {
    return this.tasks.claim(p, id);
  }

  @Post(':id/unclaim')
  @ApiOperation({ summary: 'Give back a task you hold / 取消认领' })
  unclaim(@CurrentUser() p: Principal, @Param('id') id: string) {
    return this.tasks.unclaim(p, id);
  }

  @Post(':id/complete')
  @ApiOperation({ summary: "Submit the task's form; 400 with field errors, 409 if someone else got there first / 办理" })
  complete(
    @CurrentUser() p: Principal,
    @Param('id') id: string,
    @Body() body: { data?: unknown },
    @Headers('accept-language') lang?: string,
  ) {
    return this.tasks.complete(p, id, body?.data ?? {}, pickLanguage(lang));
  }

  @Post(':id/return')
  @ApiOperation({
    summary:
      'Return the case to the previous (or the named earlier) step with a reason; that step reopens for whoever did it. → {returned, reason, openTasks} / 退回',
  })
  returnTask(@CurrentUser() p: Principal, @Param('id') id: string, @Body() body: ReturnTaskDto) {
    return this.actions.returnTask(p, id, body.reason, body.targetElementId);
  }

  @Post(':id/delegate')
  @ApiOperation({ summary: 'Hand the task to a colleague whose roles and scope cover it (400 otherwise) / 转办' })
  delegate(@CurrentUser() p: Principal, @Param('id') id: string, @Body() body: DelegateTaskDto) {
    return this.actions.delegate(p, id, body.username);
  }

  @Get(':id/comments')
  @ApiOperation({
    summary:
      "The case's comments, all steps, oldest first: [{id, instanceId, taskId, activityId, stepName, body, authorName, createdAt}] / 办理意见",
  })
  listComments(@CurrentUser() p: Principal, @Param('id') id: string) {
    return this.comments.list(p, id);
  }

  @Post(':id/comments')
  @ApiOperation({ summary: 'Add a comment at this open step / 添加意见' })
  addComment(@CurrentUser() p: Principal, @Param('id') id: string, @Body() body: CommentDto) {
    return this.comments.add(p, id, body.body);
  }

  @Get(':id/attachments')
  @ApiOperation({ summary: "The case's filed attachments that the caller may download / 案件附件" })
  listAttachments(@CurrentUser() p: Principal, @Param('id') id: string) {
    return this.attachments.list(p, id);
  }

  @Post(':id/attachments')
  @ApiOperation({
    summary: "File an uploaded attachment (POST /api/attachments first) with this open step → the case's attachments / 添加附件",
  })
  linkAttachment(@CurrentUser() p: Principal, @Param('id') id: string, @Body() body: LinkAttachmentDto) {
    return this.attachments.link(p, id, body.attachmentId);
  }
}
