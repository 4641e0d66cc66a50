import { createHmac } from 'crypto';
import type { CountyChannels } from '../../config/notify-config';
import { ChannelDriver, Delivery, plainText, postForJson } from './channel';
import { errcode } from './wecom.channel';

/**
 * 钉钉群机器人 with 加签 (the "sign" security setting): the webhook (…/robot/send?access_token=…) gets `timestamp`
 * (ms) and `sign` = Base64(HMAC-SHA256(key: secret, text: timestamp + "\n" + secret)), URL-encoded. DingTalk refuses
 * a timestamp more than an hour off. The recipient's mobile goes in `at.atMobiles`.
 */
export class DingtalkChannel implements ChannelDriver {
  constructor(private readonly now: () => number = Date.now) {}

  async send(d: Delivery, county: CountyChannels, timeoutMs: number): Promise<void> {
    const { webhook, secret } = county.dingtalk!;
    const timestamp = String(this.now());
    const url = new URL(webhook);
    url.searchParams.set('timestamp', timestamp);
    url.searchParams.set('sign', dingtalkSign(timestamp, secret));
    const body = { msgtype: 'text', text: { content: plainText(d) }, at: { atMobiles: d.address ? [d.address] : [], isAtAll: false } };
    await postForJson(url.toString(), JSON.stringify(body), 'application/json', timeoutMs, errcode);
  }
}

/** The signature before URL-encoding (URLSearchParams encodes it). */
export function dingtalkSign(timestamp: string, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}
