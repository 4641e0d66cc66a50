import { createHmac, randomUUID } from 'crypto';
import type { CountyChannels } from '../../config/notify-config';
import { ChannelDriver, Delivery, postForJson } from './channel';

/** A template variable holds at most this much (阿里云 limits each variable's length). */
const VARIABLE_MAX = 35;

/**
 * SMS through 阿里云短信服务 (Dysmsapi 2017-05-25) `SendSms`, RPC style: the parameters, sorted and percent-encoded,
 * are signed with HMAC-SHA1 (key: AccessKeySecret + "&", text: "POST&%2F&" + encode(query)), and POSTed as a form.
 * The county's approved template takes `${title}` and `${message}`. Success is `{"Code":"OK"}`.
 */
export class AliyunSmsChannel implements ChannelDriver {
  constructor(private readonly now: () => Date = () => new Date()) {}

  async send(d: Delivery, county: CountyChannels, timeoutMs: number): Promise<void> {
    const sms = county.sms!;
    if (!d.address) throw new Error('no mobile number');
    const params: Record<string, string> = {
      AccessKeyId: sms.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      PhoneNumbers: d.address,
      RegionId: sms.regionId,
      SignName: sms.signName,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: randomUUID(),
      SignatureVersion: '1.0',
      TemplateCode: sms.templateCode,
      TemplateParam: JSON.stringify({ title: cut(d.title), message: cut(d.message) }),
      Timestamp: this.now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
    };
    const query = canonicalQuery(params);
    const signature = createHmac('sha1', `${sms.accessKeySecret}&`)
      .update(`POST&${percentEncode('/')}&${percentEncode(query)}`)
      .digest('base64');
    const body = `Signature=${percentEncode(signature)}&${query}`;
    await postForJson(sms.endpoint, body, 'application/x-www-form-urlencoded', timeoutMs, (a) =>
      a.Code === 'OK' ? null : `${String(a.Code)}: ${String(a.Message ?? '')}`,
    );
  }
}

/** RFC 3986 encoding as 阿里云 signs it: also `!'()*`, and space as %20. */
export function percentEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k])}`)
    .join('&');
}

const cut = (s: string) => (s.length > VARIABLE_MAX ? `${s.slice(0, VARIABLE_MAX - 1)}…` : s);
