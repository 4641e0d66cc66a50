import { createHmac } from 'crypto';
import { DeliveryState, NotificationDelivery, User } from '../src/database/entities';
import { NOTIFY_CONFIG } from '../src/config/notify-config';
import { DeliveriesRepository } from '../src/notifications/deliveries.repository';
import { DeliveryWorker } from '../src/notifications/delivery-worker';
import { InAppSender } from '../src/notifications/in-app.sender';
import { HttpReceiver, SmtpReceiver } from './support/receivers';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { reviewedCase } from './support/workflow-fixtures';

const MINUTE = 60_000;
const DINGTALK_SECRET = 'SEC0123456789abcdef';
const SMS_SECRET = 'aliyun-test-secret';

/**
 * Issue #17 "notifications that leave the building", acceptance 3: notifications go out through 企业微信, 钉钉 (signed),
 * 阿里云短信 and SMTP to real receivers this test starts on 127.0.0.1; a receiver that fails twice gets the message
 * on the third try; one that keeps failing leaves a dead letter an admin sees and resends. On SQLite and PostgreSQL.
 */
describe('notifications that leave the building (issue #17)', () => {
  const web = new HttpReceiver();
  const smtp = new SmtpReceiver();
  let t: TestApp;
  let principal: string;
  let admin: string;
  let principalId: string;
  let worker: DeliveryWorker;

  beforeAll(async () => {
    const base = await web.start();
    const smtpPort = await smtp.start();
    t = await startTestApp({
      env: {
        JOB_POLL_MS: '0',
        NOTIFY_POLL_MS: '0',
        NOTIFY_MAX_ATTEMPTS: '3',
        NOTIFY_RETRY_BASE_MS: String(MINUTE),
        NOTIFY_TIMEOUT_MS: '5000',
        TEST_DINGTALK_SECRET: DINGTALK_SECRET,
        TEST_SMS_SECRET: SMS_SECRET,
        NOTIFY_CHANNELS: JSON.stringify({
          '640422': {
            wecom: { webhook: `${base}/wecom?key=wecom-key` },
            dingtalk: { webhook: `${base}/dingtalk?access_token=ding-token`, secret: '${TEST_DINGTALK_SECRET}' },
            sms: {
              provider: 'aliyun',
              endpoint: `${base}/sms`,
              accessKeyId: 'LTAI-test',
              accessKeySecret: '${TEST_SMS_SECRET}',
              signName: '西吉县教育局',
              templateCode: 'SMS_100001',
            },
            email: { host: '127.0.0.1', port: smtpPort, from: '控辍保学 <noreply@kcbx.test>' },
          },
        }),
      },
    });
    await t.seedSecondCounty();
    [principal, admin] = await Promise.all([t.login('principal'), t.login('admin')]);
    principalId = (await t.ds.getRepository(User).findOneByOrFail({ username: 'principal' })).id;
    worker = t.app.get(DeliveryWorker);
    await t
      .http()
      .post('/api/deployments')
      .set(bearer(await t.login('designer')))
      .send({ resources: reviewedCase() })
      .expect(201);
  });
  afterAll(async () => {
    await t?.close();
    await web.close();
    await smtp.close();
  });

  const choose = (token: string, body: object) => t.http().put('/api/notification-preferences/me').set(bearer(token)).send(body);
  const rows = (where: { title?: string; channel?: string; state?: DeliveryState } = {}) =>
    t.ds.getRepository(NotificationDelivery).find({ where: { userId: principalId, ...where }, order: { createdAt: 'ASC' } });
  /** A notification to the principal through the sender the rest of the platform uses. */
  const to = async (title: string) => {
    const tenantId = (await t.ds.getRepository(User).findOneByOrFail({ id: principalId })).tenantId;
    return t.app
      .get(InAppSender)
      .send({ tenantId, userId: principalId, kind: 'test', taskId: null, instanceId: null, title, message: `${title}。` });
  };

  it('given a principal who chose all four channels, when a case reaches them, then each receiver gets it once, signed as the service expects', async () => {
    await choose(principal, {
      channels: ['wecom', 'dingtalk', 'sms', 'email'],
      digest: false,
      email: 'principal@school.test',
      mobile: '13800000003',
    }).expect(200);
    await t
      .http()
      .post('/api/process-definitions/key/reviewed-case/start')
      .set(bearer(await t.login('teacher')))
      .send({ data: { reason: 'work', absentSince: '2026-11-02' } })
      .expect(201);
    expect((await rows()).map((r) => `${r.channel}:${r.state}`).sort()).toEqual([
      'dingtalk:pending',
      'email:pending',
      'sms:pending',
      'wecom:pending',
    ]);
    expect(await worker.tick()).toEqual({ sent: 4, failed: 0, dead: 0 });

    const [wecom] = web.at('/wecom');
    expect(wecom.query.get('key')).toBe('wecom-key');
    expect(JSON.parse(wecom.body)).toEqual({
      msgtype: 'text',
      text: { content: expect.stringContaining('【新待办：校长审核】'), mentioned_mobile_list: ['13800000003'] },
    });

    // 钉钉 加签: Base64(HMAC-SHA256(secret, timestamp + "\n" + secret)), within the hour
    const [ding] = web.at('/dingtalk');
    const timestamp = ding.query.get('timestamp')!;
    expect(Math.abs(Date.now() - Number(timestamp))).toBeLessThan(MINUTE);
    expect(ding.query.get('access_token')).toBe('ding-token');
    expect(ding.query.get('sign')).toBe(createHmac('sha256', DINGTALK_SECRET).update(`${timestamp}\n${DINGTALK_SECRET}`).digest('base64'));
    expect(JSON.parse(ding.body)).toMatchObject({ msgtype: 'text', at: { atMobiles: ['13800000003'] } });

    // 阿里云 SendSms: a signed form; the signature re-computed here from the parameters received
    const [sms] = web.at('/sms');
    expect(sms.contentType).toMatch(/application\/x-www-form-urlencoded/);
    const form = new URLSearchParams(sms.body);
    expect(Object.fromEntries(form)).toMatchObject({
      Action: 'SendSms',
      Version: '2017-05-25',
      PhoneNumbers: '13800000003',
      SignName: '西吉县教育局',
      TemplateCode: 'SMS_100001',
      AccessKeyId: 'LTAI-test',
      SignatureMethod: 'HMAC-SHA1',
    });
    expect(JSON.parse(form.get('TemplateParam')!)).toMatchObject({ title: '新待办：校长审核' });
    expect(form.get('Signature')).toBe(aliyunSignature(form, SMS_SECRET));

    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0].to).toEqual(['principal@school.test']);
    expect(decodeSubject(smtp.mails[0].raw)).toBe('新待办：校长审核');

    expect((await rows()).map((r) => r.state)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(await worker.tick()).toEqual({ sent: 0, failed: 0, dead: 0 });
    expect(web.received).toHaveLength(3);
  });

  it('given a 企业微信 receiver that fails twice, then the message arrives on the third try, after the backoff', async () => {
    await choose(principal, { channels: ['wecom'], digest: false, mobile: '13800000003' }).expect(200);
    web.failNext('/wecom', 2);
    await to('重试测试');
    const t0 = Date.now();
    expect(await worker.tick(t0)).toEqual({ sent: 0, failed: 1, dead: 0 });
    const [row] = await rows({ title: '重试测试' });
    expect(row).toMatchObject({ state: 'pending', attempts: 1, lastError: expect.stringMatching(/HTTP 502/), lockOwner: null });
    expect(await worker.tick(t0 + 30_000)).toEqual({ sent: 0, failed: 0, dead: 0 }); // not due yet
    expect(await worker.tick(t0 + MINUTE + 1000)).toEqual({ sent: 0, failed: 1, dead: 0 });
    expect(await worker.tick(t0 + 3 * MINUTE + 2000)).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(web.at('/wecom').filter((r) => r.body.includes('重试测试'))).toHaveLength(1);
    expect(await rows({ title: '重试测试' })).toEqual([
      expect.objectContaining({ state: 'sent', attempts: 3, sentAt: expect.any(String) }),
    ]);
  });

  it('given a 钉钉 receiver that keeps failing, then after three tries it is a dead letter the admin sees and resends', async () => {
    await choose(principal, { channels: ['dingtalk'], digest: false }).expect(200);
    web.down('/dingtalk');
    await to('死信测试');
    const t0 = Date.now();
    expect((await worker.tick(t0)).failed).toBe(1);
    expect((await worker.tick(t0 + MINUTE + 1000)).failed).toBe(1);
    expect(await worker.tick(t0 + 3 * MINUTE + 2000)).toEqual({ sent: 0, failed: 0, dead: 1 });
    expect(await worker.tick(t0 + 60 * MINUTE)).toEqual({ sent: 0, failed: 0, dead: 0 });

    const list = await t.http().get('/api/admin/notification-deliveries?state=dead').set(bearer(admin)).expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        channel: 'dingtalk',
        title: '死信测试',
        attempts: 3,
        username: 'principal',
        lastError: expect.stringMatching(/502/),
      }),
    ]);
    await t.http().get('/api/admin/notification-deliveries').set(bearer(principal)).expect(403);
    // another county's admin neither sees nor resends it
    const ldAdmin = await t.login('ld-admin');
    expect((await t.http().get('/api/admin/notification-deliveries').set(bearer(ldAdmin)).expect(200)).body.items).toEqual([]);
    const id = list.body.items[0].id as string;
    await t.http().post(`/api/admin/notification-deliveries/${id}/resend`).set(bearer(ldAdmin)).expect(404);

    web.up('/dingtalk');
    expect((await t.http().post(`/api/admin/notification-deliveries/${id}/resend`).set(bearer(admin)).expect(201)).body).toEqual({
      id,
      state: 'pending',
    });
    const again = await t.http().post(`/api/admin/notification-deliveries/${id}/resend`).set(bearer(admin)).expect(409);
    expect(again.body.error).toBe('DELIVERY_NOT_DEAD');
    expect(await worker.tick()).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(web.at('/dingtalk').filter((r) => r.body.includes('死信测试'))).toHaveLength(1);
    expect((await t.http().get('/api/admin/notification-deliveries?state=dead').set(bearer(admin)).expect(200)).body.items).toEqual([]);
  });

  it('given a daily digest, then messages wait and go out together once at the digest hour', async () => {
    await choose(principal, { channels: ['email'], digest: true, email: 'principal@school.test' }).expect(200);
    const before = smtp.mails.length;
    await to('汇总一');
    await to('汇总二');
    expect((await rows({ channel: 'email', state: 'held' })).map((r) => r.title)).toEqual(['汇总一', '汇总二']);
    expect((await worker.tick()).sent).toBe(0);
    // a day later the digest hour has passed: one message with both
    expect(await worker.tick(Date.now() + 24 * 60 * MINUTE)).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(smtp.mails).toHaveLength(before + 1);
    expect(decodeSubject(smtp.mails[before].raw)).toBe('每日通知汇总（2 条）');
    expect(await rows({ channel: 'email', state: 'held' })).toEqual([]);
    expect((await worker.tick(Date.now() + 48 * 60 * MINUTE)).sent).toBe(0);
  });

  it('given two workers (two processes) racing for the same rows, then each message is sent once', async () => {
    await choose(principal, { channels: ['wecom'], digest: false }).expect(200);
    for (let i = 0; i < 8; i++) await to(`并发-${i}`);
    const other = new DeliveryWorker(t.app.get(NOTIFY_CONFIG), t.app.get(DeliveriesRepository));
    const [a, b] = await Promise.all([worker.tick(), other.tick()]);
    expect(a.sent + b.sent).toBe(8);
    for (let i = 0; i < 8; i++) expect(web.at('/wecom').filter((r) => r.body.includes(`并发-${i}`))).toHaveLength(1);
  });

  it('given a process that claimed a row and died mid-send, then another takes it over once the lease has run out, and sends it once', async () => {
    await choose(principal, { channels: ['wecom'], digest: false }).expect(200);
    await to('接管测试');
    const [row] = await rows({ title: '接管测试' });
    const t0 = Date.now();
    // the crashed process's claim: its lease (NOTIFY_LEASE_MS, 120 s by default) is still running
    expect(await t.app.get(DeliveriesRepository).claim(row.id, 'crashed-process', t0, 120_000)).toMatchObject({ attempts: 1 });
    expect((await worker.tick(t0 + 1000)).sent).toBe(0);
    expect(web.at('/wecom').filter((r) => r.body.includes('接管测试'))).toHaveLength(0);
    expect(await worker.tick(t0 + 121_000)).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(await rows({ title: '接管测试' })).toEqual([expect.objectContaining({ state: 'sent', attempts: 2, lockOwner: null })]);
    // the crashed process, come back, cannot undo it: its settle finds the row no longer its own
    await t.app.get(DeliveriesRepository).settle(row.id, 'crashed-process', { sent: false, error: 'late', retryAt: t0 });
    expect((await rows({ title: '接管测试' }))[0].state).toBe('sent');
    expect(web.at('/wecom').filter((r) => r.body.includes('接管测试'))).toHaveLength(1);
  });

  it('given preferences, then SMS needs a mobile, an unconfigured channel is refused at its field, and a role’s choice reaches its holders', async () => {
    const noMobile = await choose(principal, { channels: ['sms'], digest: false, mobile: '' }).expect(400);
    expect(noMobile.body.details[0]).toMatchObject({ field: 'mobile', message: '选择 sms 需要填写手机号' });
    const ld = await choose(await t.login('ld-principal'), { channels: ['wecom'], digest: false }).expect(400);
    expect(ld.body.details[0]).toMatchObject({ field: 'channels', message: '本县未配置通知渠道 wecom，可选：—' });

    await t
      .http()
      .put('/api/admin/notification-preferences/roles/township-official')
      .set(bearer(admin))
      .send({ channels: ['sms'], digest: true })
      .expect(200);
    const township = await t.login('township');
    const mine = (await t.http().get('/api/notification-preferences/me').set(bearer(township)).expect(200)).body;
    expect(mine).toMatchObject({ source: 'role', channels: ['sms'], digest: true, available: ['wecom', 'dingtalk', 'sms', 'email'] });
    await t
      .http()
      .put('/api/admin/notification-preferences/roles/no-such-role')
      .set(bearer(admin))
      .send({ channels: [], digest: false })
      .expect(404);
  });
});

/** 阿里云 RPC signature over the received parameters (all but Signature), computed independently of the sender. */
function aliyunSignature(form: URLSearchParams, secret: string): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  const query = [...form.entries()]
    .filter(([k]) => k !== 'Signature')
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${enc(k)}=${enc(v)}`)
    .join('&');
  return createHmac('sha1', `${secret}&`)
    .update(`POST&%2F&${enc(query)}`)
    .digest('base64');
}

/** The Subject header of a raw message, its RFC 2047 encoded words decoded. */
function decodeSubject(raw: string): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)![1].replace(/\r?\n[ \t]/g, ' ');
  return header.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}
