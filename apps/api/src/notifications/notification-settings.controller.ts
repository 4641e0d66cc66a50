import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, Matches, ValidateIf } from 'class-validator';
import type { NotifyChannel } from '@kcbx/api-contract';
import { paging } from '../common/paging';
import { DELIVERY_STATES, DeliveryState } from '../database/entities';
import { CurrentUser, RequirePermission } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { EXTERNAL_CHANNELS } from '../config/notify-config';
import { NotificationSettingsService } from './notification-settings.service';

class PreferenceDto {
  @ApiProperty({ enum: EXTERNAL_CHANNELS, isArray: true })
  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(EXTERNAL_CHANNELS, { each: true })
  channels!: NotifyChannel[];
  @ApiProperty() @IsBoolean() digest!: boolean;
  @ApiPropertyOptional() @IsOptional() @ValidateIf((_, v) => v !== null && v !== '') @IsEmail() email?: string | null;
  @ApiPropertyOptional()
  @IsOptional()
  @ValidateIf((_, v) => v !== null && v !== '')
  @IsString()
  @Matches(/^1\d{10}$/, { message: '手机号须为 11 位数字 / a mobile number has 11 digits' })
  mobile?: string | null;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notification-preferences')
export class MyPreferencesController {
  constructor(private readonly settings: NotificationSettingsService) {}

  @Get('me')
  @ApiOperation({ summary: 'Which channels reach me, whether as a daily digest, and the channels the county offers / 我的通知方式' })
  mine(@CurrentUser() p: Principal) {
    return this.settings.mine(p);
  }

  @Put('me')
  @ApiOperation({ summary: 'Choose my channels (SMS needs a mobile, e-mail an address) / 设置我的通知方式' })
  save(@CurrentUser() p: Principal, @Body() body: PreferenceDto) {
    return this.settings.saveMine(p, body);
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@RequirePermission('admin')
@Controller('admin')
export class NotificationAdminController {
  constructor(private readonly settings: NotificationSettingsService) {}

  @Get('notification-preferences/roles')
  @ApiOperation({ summary: "Each role's channels (for holders without their own choice) / 角色通知方式" })
  roles(@CurrentUser() p: Principal) {
    return this.settings.roles(p);
  }

  @Put('notification-preferences/roles/:role')
  saveRole(@CurrentUser() p: Principal, @Param('role') role: string, @Body() body: PreferenceDto) {
    return this.settings.saveRole(p, role, { channels: body.channels, digest: body.digest });
  }

  @Get('notification-deliveries')
  @ApiOperation({ summary: 'External deliveries by state, newest first; state=dead is the dead-letter list / 通知外发记录' })
  @ApiQuery({ name: 'state', required: false, enum: DELIVERY_STATES })
  list(@CurrentUser() p: Principal, @Query('state') state = 'dead', @Query('page') page?: string, @Query('pageSize') pageSize?: string) {
    const pg = paging(page, pageSize, 20, 100);
    const s = (DELIVERY_STATES as readonly string[]).includes(state) ? (state as DeliveryState) : 'dead';
    return this.settings.list(p, s, pg.page, pg.pageSize);
  }

  @Post('notification-deliveries/:id/resend')
  @ApiOperation({ summary: 'Put a dead letter back in the queue with fresh tries / 重新发送' })
  resend(@CurrentUser() p: Principal, @Param('id') id: string) {
    return this.settings.resend(p, id);
  }
}
