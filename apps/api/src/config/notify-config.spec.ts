import { configuredChannels, loadNotifyConfig } from './notify-config';

describe('notification channel configuration (checked at start)', () => {
  it('given no channels, then every county is in-app only and the defaults hold', () => {
    expect(loadNotifyConfig({})).toMatchObject({ counties: {}, maxAttempts: 6, retryBaseMs: 30_000, digestHour: 8 });
  });

  it('given ${NAME} secrets, then they come from the environment and the JSON itself holds none', () => {
    const c = loadNotifyConfig({
      DING_SECRET: 'SEC-from-env-123',
      NOTIFY_CHANNELS: JSON.stringify({
        '640422': {
          dingtalk: { webhook: 'https://oapi.dingtalk.com/robot/send?access_token=x', secret: '${DING_SECRET}' },
          defaultChannels: ['dingtalk'],
        },
      }),
    });
    expect(c.counties['640422'].dingtalk?.secret).toBe('SEC-from-env-123');
    expect(configuredChannels(c.counties['640422'])).toEqual(['dingtalk']);
  });

  it('given a missing variable, an unknown key, a bad county code or bad JSON, then the start stops naming it', () => {
    const wecom = { wecom: { webhook: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${WECOM_KEY}' } };
    expect(() => loadNotifyConfig({ NOTIFY_CHANNELS: JSON.stringify({ '640422': wecom }) })).toThrow(
      'NOTIFY_CHANNELS: 640422.wecom.webhook names ${WECOM_KEY}, which is not set',
    );
    expect(() => loadNotifyConfig({ NOTIFY_CHANNELS: JSON.stringify({ '640422': { fax: {} } }) })).toThrow(/Unrecognized key.*fax/);
    expect(() => loadNotifyConfig({ NOTIFY_CHANNELS: JSON.stringify({ xiji: {} }) })).toThrow(/a county code of 6 digits/);
    expect(() => loadNotifyConfig({ NOTIFY_CHANNELS: '{' })).toThrow(/NOTIFY_CHANNELS: not JSON/);
    expect(() =>
      loadNotifyConfig({ NOTIFY_CHANNELS: JSON.stringify({ '640422': { sms: { provider: 'tencent', accessKeyId: 'a' } } }) }),
    ).toThrow(/640422\.sms\.provider/);
  });
});
