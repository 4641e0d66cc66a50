import type { CountyChannels } from '../../config/notify-config';
import { ChannelDriver, Delivery, plainText, postForJson } from './channel';

/**
 * 企业微信群机器人: POST the webhook (…/cgi-bin/webhook/send?key=…) a `text` message; the recipient's mobile, when
 * known, goes in `mentioned_mobile_list` so the group sees whom it is for. Success is `{"errcode":0}`.
 */
export class WecomChannel implements ChannelDriver {
  async send(d: Delivery, county: CountyChannels, timeoutMs: number): Promise<void> {
    const body = { msgtype: 'text', text: { content: plainText(d), mentioned_mobile_list: d.address ? [d.address] : [] } };
    await postForJson(county.wecom!.webhook, JSON.stringify(body), 'application/json', timeoutMs, errcode);
  }
}

export const errcode = (a: Record<string, unknown>) => (a.errcode === 0 ? null : `errcode ${String(a.errcode)}: ${String(a.errmsg ?? '')}`);
