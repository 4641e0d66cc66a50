import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    summary:
      'My notifications, newest first, and the unread count: {items:[{id, kind, taskId, instanceId, title, message, createdAt, readAt, read}], unread} / 我的通知',
  })
  @ApiQuery({ name: 'unread', required: false, description: 'true: unread only' })
  @ApiQuery({ name: 'limit', required: false, description: 'at most this many (default 50, max 200)' })
  mine(@CurrentUser() p: Principal, @Query('unread') unread?: string, @Query('limit') limit = '50') {
    return this.notifications.mine(p, unread === 'true', Math.min(200, Math.max(1, Number(limit) || 50)));
  }

  @Post('read-all')
  @ApiOperation({ summary: 'Mark all my notifications read → {marked} / 全部标为已读' })
  readAll(@CurrentUser() p: Principal) {
    return this.notifications.readAll(p);
  }

  @Post(':id/read')
  @ApiOperation({ summary: "Mark one of my notifications read (another user's answers 404) / 标为已读" })
  read(@CurrentUser() p: Principal, @Param('id') id: string) {
    return this.notifications.read(p, id);
  }
}
