import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { hostname } from 'os';
import { monitoringSignals } from '../monitoring/signals';
import { ExternalChannel, NOTIFY_CONFIG, NotifyConfig } from '../config/notify-config';
import { AliyunSmsChannel } from './channels/aliyun-sms.channel';
import { ChannelDriver } from './channels/channel';
import { DingtalkChannel } from './channels/dingtalk.channel';
import { SmtpEmailChannel } from './channels/smtp-email.channel';
import { WecomChannel } from './channels/wecom.channel';
import { DeliveriesRepository } from './deliveries.repository';

const HOUR = 3_600_000;
const BATCH = 20;
/** China Standard Time, the counties' clock for the digest hour */
const CST_OFFSET = 8 * HOUR;

/**
 * Sends the outbox: every process polls, claims due rows one by one (a lease each), sends outside any transaction,
 * and settles: sent; or retried after base·2^(tries−1) (at most an hour); or, after the last try, a dead letter an
 * admin can resend. Once a day at the digest hour, held rows become one digest per recipient and channel.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('notifications');
  private readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly drivers: Record<ExternalChannel, ChannelDriver> = {
    wecom: new WecomChannel(),
    dingtalk: new DingtalkChannel(),
    sms: new AliyunSmsChannel(),
    email: new SmtpEmailChannel(),
  };
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @Inject(NOTIFY_CONFIG) private readonly config: NotifyConfig,
    private readonly deliveries: DeliveriesRepository,
  ) {}

  onApplicationBootstrap(): void {
    // no county has an external channel: nothing can ever be due
    if (this.config.pollMs <= 0 || !Object.keys(this.config.counties).length) return;
    this.timer = setInterval(() => void this.tick(), this.config.pollMs);
    this.timer.unref();
  }

  /** One round (tests call it with the time they want): digests if due, then every due delivery. */
  async tick(now = Date.now()): Promise<{ sent: number; failed: number; dead: number }> {
    if (this.running) await this.running.catch(() => undefined);
    const round = this.round(now);
    this.running = round;
    try {
      return await round;
    } finally {
      this.running = null;
    }
  }

  private async round(now: number) {
    const result = { sent: 0, failed: 0, dead: 0 };
    try {
      await this.digests(now);
      for (const id of await this.deliveries.due(now, BATCH)) {
        const d = await this.deliveries.claim(id, this.owner, now, this.config.leaseMs);
        if (!d) continue; // another process has it
        const county = this.config.counties[await this.deliveries.countyCode(d.tenantId)];
        const channel = d.channel as ExternalChannel;
        try {
          if (!county?.[channel]) throw new Error(`channel ${channel} is not configured for this county`);
          await this.drivers[channel].send({ ...d, channel }, county, this.config.timeoutMs);
          await this.deliveries.settle(d.id, this.owner, { sent: true });
          result.sent += 1;
        } catch (err) {
          const error = err instanceof Error ? err.message : String(err);
          const last = d.attempts >= this.config.maxAttempts;
          const retryAt = last ? null : now + Math.min(this.config.retryBaseMs * 2 ** (d.attempts - 1), HOUR);
          await this.deliveries.settle(d.id, this.owner, { sent: false, error, retryAt });
          this.log.warn(
            { channel, deliveryId: d.id, attempt: d.attempts, error },
            last ? 'notification dead-lettered' : 'notification delivery failed',
          );
          monitoringSignals.notificationFailed(
            { tenantId: d.tenantId, userId: d.userId ?? '', kind: 'delivery', taskId: null, channel },
            err,
          );
          if (last) result.dead += 1;
          else result.failed += 1;
        }
      }
    } catch (err) {
      this.log.error({ err }, 'notification delivery round failed');
    }
    return result;
  }

  /** The latest digest moment at or before `now`: today's digest hour in China, or yesterday's. */
  private digestCutoff(now: number): number {
    const local = now + CST_OFFSET;
    const day = Math.floor(local / (24 * HOUR)) * 24 * HOUR;
    const today = day + this.config.digestHour * HOUR - CST_OFFSET;
    return today <= now ? today : today - 24 * HOUR;
  }

  private async digests(now: number) {
    const cutoff = this.digestCutoff(now);
    for (const group of await this.deliveries.heldBefore(cutoff)) await this.deliveries.digest(group, cutoff);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
