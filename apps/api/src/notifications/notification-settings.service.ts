import { Inject, Injectable } from '@nestjs/common';
import type { MyNotificationPreference, NotificationDeliveryView, NotificationPreferenceBody, NotifyChannel } from '@kcbx/api-contract';
import { AppError, Errors } from '../common/app-error';
import { DeliveryState } from '../database/entities';
import { Principal } from '../identity/principal';
import { configuredChannels, NOTIFY_CONFIG, NotifyConfig } from '../config/notify-config';
import { DeliveriesRepository } from './deliveries.repository';
import { PreferencesRepository } from './preferences.repository';

/** Preferences (the user's own, a role's) and the admin's view of deliveries: the dead-letter list and resend. */
@Injectable()
export class NotificationSettingsService {
  constructor(
    @Inject(NOTIFY_CONFIG) private readonly config: NotifyConfig,
    private readonly prefs: PreferencesRepository,
    private readonly deliveries: DeliveriesRepository,
  ) {}

  async mine(p: Principal): Promise<MyNotificationPreference> {
    const pref = await this.prefs.effective(p.tenantId, p.userId);
    return { ...pref, available: await this.available(p.tenantId) };
  }

  async saveMine(p: Principal, body: NotificationPreferenceBody): Promise<MyNotificationPreference> {
    const email = body.email?.trim() || null;
    const mobile = body.mobile?.trim() || null;
    await this.check(p.tenantId, body.channels);
    const missing = body.channels.find((c) => (c === 'sms' && !mobile) || (c === 'email' && !email));
    if (missing) {
      const field = missing === 'sms' ? 'mobile' : 'email';
      const address = missing === 'sms' ? { zh: '手机号', en: 'a mobile number' } : { zh: '邮箱', en: 'an e-mail address' };
      throw fieldError(field, new AppError('VALIDATION_FAILED/channel-needs-address', { channel: missing, address }).text);
    }
    await this.prefs.save(
      { tenantId: p.tenantId, subjectType: 'user', subject: p.userId },
      { channels: body.channels, digest: body.digest, email, mobile },
    );
    return this.mine(p);
  }

  roles(p: Principal) {
    return this.prefs.roles(p.tenantId);
  }

  async saveRole(p: Principal, role: string, body: NotificationPreferenceBody) {
    if (!(await this.prefs.roleExists(p.tenantId, role))) throw Errors.notFound('role', role);
    await this.check(p.tenantId, body.channels);
    await this.prefs.save(
      { tenantId: p.tenantId, subjectType: 'role', subject: role },
      { channels: body.channels, digest: body.digest, email: null, mobile: null },
    );
    return (await this.prefs.roles(p.tenantId)).find((r) => r.role === role);
  }

  async list(p: Principal, state: DeliveryState, page: number, pageSize: number) {
    const { rows, total, users } = await this.deliveries.list(p.tenantId, state, (page - 1) * pageSize, pageSize);
    const items: NotificationDeliveryView[] = rows.map((r) => ({
      id: r.id,
      channel: r.channel as NotifyChannel,
      state: r.state,
      userId: r.userId,
      username: (r.userId && users.get(r.userId)?.username) || null,
      displayName: (r.userId && users.get(r.userId)?.displayName) || null,
      address: r.address,
      title: r.title,
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt,
      nextAttemptAt: r.nextAttemptAt,
      sentAt: r.sentAt,
    }));
    return { items, total, page, pageSize };
  }

  async resend(p: Principal, id: string) {
    if (await this.deliveries.resend(p.tenantId, id)) return { id, state: 'pending' as const };
    const row = await this.deliveries.find(p.tenantId, id);
    if (!row) throw Errors.notFound('notificationDelivery', id);
    throw new AppError('DELIVERY_NOT_DEAD', { state: row.state });
  }

  private async available(tenantId: string): Promise<NotifyChannel[]> {
    return configuredChannels(this.config.counties[await this.deliveries.countyCode(tenantId)]);
  }

  private async check(tenantId: string, channels: NotifyChannel[]) {
    const available = await this.available(tenantId);
    const missing = channels.find((c) => !available.includes(c));
    if (missing) {
      throw fieldError(
        'channels',
        new AppError('VALIDATION_FAILED/channel-not-configured', { channel: missing, available: available.length ? available : '—' }).text,
      );
    }
  }
}

const fieldError = (field: string, message: AppError['text']) => Errors.validation([{ field, keyword: 'channel', message }]);
