import type { NotifyChannel, RoleNotificationPreference } from '@kcbx/api-contract';
import { App, Card, Checkbox, List, Space, Switch, Typography } from 'antd';
import { deliveriesApi } from '../../api/notifications';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';

const CHANNELS: NotifyChannel[] = ['wecom', 'dingtalk', 'sms', 'email'];

/** Which channels (besides the bell) each role's holders get, and whether as they come or once a day; saved on change. */
export function RolePreferences({ available, channelName }: { available: NotifyChannel[]; channelName: (c: NotifyChannel) => string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const { data, setData } = useLoad(() => deliveriesApi.roles(), [], showError);
  const save = async (r: RoleNotificationPreference, change: Partial<RoleNotificationPreference>) => {
    const next = { ...r, ...change };
    try {
      const saved = await deliveriesApi.saveRole(r.role, { channels: next.channels, digest: next.digest });
      setData((data ?? []).map((x) => (x.role === r.role ? saved : x)));
      void message.success(t('common.saved'));
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Card size="small" title={t('notifications.roles.title')} style={{ marginTop: 16 }} data-testid="role-preferences">
      <Typography.Paragraph type="secondary">{t('notifications.roles.hint')}</Typography.Paragraph>
      <List<RoleNotificationPreference>
        dataSource={data ?? []}
        renderItem={(r) => (
          <List.Item data-testid={`role-pref-${r.role}`}>
            <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
              <Typography.Text strong style={{ minWidth: 120, display: 'inline-block' }}>
                {lang === 'en' ? r.roleNameEn : r.roleName}
              </Typography.Text>
              <Checkbox.Group
                value={r.channels}
                options={CHANNELS.map((c) => ({ value: c, label: channelName(c), disabled: !available.includes(c) }))}
                onChange={(v) => void save(r, { channels: v as NotifyChannel[] })}
              />
              <Space>
                {t('notifications.roles.digest')}
                <Switch size="small" checked={r.digest} onChange={(digest) => void save(r, { digest })} />
              </Space>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
