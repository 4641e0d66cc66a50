import type { NotificationDeliveryView, NotifyChannel, RoleNotificationPreference } from '@kcbx/api-contract';
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Grid, List, Segmented, Space, Switch, Table, Tag, Typography } from 'antd';
import { deliveriesApi } from '../../api/notifications';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';

const PAGE_SIZE = 20;
const STATES = ['dead', 'pending', 'held', 'sent'] as const;
type State = (typeof STATES)[number];
const CHANNELS: NotifyChannel[] = ['wecom', 'dingtalk', 'sms', 'email'];

/**
 * 通知外发: the outbox by state — first the dead letters (every try failed) with their reason and a resend button —
 * and which channels each role's holders get. Cards on a phone, a table on a desk.
 */
export default function NotificationOutboxPage() {
  const { t } = useI18n();
  const [state, setState] = useState<State>('dead');
  const [page, setPage] = useState(1);
  const showError = useShowError();
  const mine = useLoad(() => deliveriesApi.mine(), [], showError);
  const available = mine.data?.available ?? [];
  const channelName = (c: NotifyChannel) => t(`notifications.channel.${c}`);

  return (
    <>
      <PageTitle>{t('notifications.outbox.title')}</PageTitle>
      {mine.data && (
        <Alert
          style={{ marginBottom: 12 }}
          type={available.length ? 'info' : 'warning'}
          message={
            available.length
              ? t('notifications.outbox.available', { channels: available.map(channelName).join('、') })
              : t('notifications.outbox.noChannels')
          }
        />
      )}
      <Segmented<State>
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
        value={state}
        onChange={(s) => {
          setState(s);
          setPage(1);
        }}
        options={STATES.map((s) => ({ value: s, label: t(`notifications.outbox.state.${s}`) }))}
        data-testid="outbox-state"
      />
      <Deliveries state={state} page={page} setPage={setPage} channelName={channelName} />
      <RolePreferences available={available} channelName={channelName} />
    </>
  );
}

function Deliveries(props: { state: State; page: number; setPage: (p: number) => void; channelName: (c: NotifyChannel) => string }) {
  const { t, formatDateTime } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const desk = Grid.useBreakpoint().md === true;
  const { data, loading, reload } = useLoad(
    () => deliveriesApi.list(props.state, props.page, PAGE_SIZE),
    [props.state, props.page],
    showError,
  );
  const [busy, setBusy] = useState<string | null>(null);

  const resend = async (d: NotificationDeliveryView) => {
    setBusy(d.id);
    try {
      await deliveriesApi.resend(d.id);
      void message.success(t('notifications.outbox.resent'));
      reload();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };
  const who = (d: NotificationDeliveryView) => [d.displayName ?? d.username ?? '—', d.address].filter(Boolean).join(' · ');
  const resendButton = (d: NotificationDeliveryView) =>
    d.state === 'dead' ? (
      <Button size="small" type="primary" loading={busy === d.id} onClick={() => void resend(d)}>
        {t('notifications.outbox.resend')}
      </Button>
    ) : null;
  const pagination = {
    current: props.page,
    pageSize: PAGE_SIZE,
    total: data?.total ?? 0,
    onChange: props.setPage,
    showSizeChanger: false,
    showTotal: (total: number) => t('common.total', { total }),
  };

  if (!desk) {
    return (
      <List<NotificationDeliveryView>
        data-testid="outbox-list"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('notifications.outbox.empty') }}
        pagination={data && data.total > PAGE_SIZE ? { ...pagination, simple: true } : false}
        renderItem={(d) => (
          <Card size="small" style={{ marginBottom: 8 }} data-testid="outbox-item">
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap>
                <Tag color="blue">{props.channelName(d.channel)}</Tag>
                <Typography.Text strong>{d.title}</Typography.Text>
              </Space>
              <Typography.Text type="secondary">{who(d)}</Typography.Text>
              <Typography.Text type="secondary">
                {formatDateTime(d.createdAt)} · {t('notifications.outbox.attemptsN', { n: d.attempts })}
              </Typography.Text>
              {d.lastError && (
                <Typography.Text type="danger" style={{ wordBreak: 'break-all' }}>
                  {d.lastError}
                </Typography.Text>
              )}
              {resendButton(d)}
            </Space>
          </Card>
        )}
      />
    );
  }
  return (
    <Table<NotificationDeliveryView>
      rowKey="id"
      size="small"
      data-testid="outbox-table"
      loading={loading}
      dataSource={data?.items ?? []}
      locale={{ emptyText: t('notifications.outbox.empty') }}
      pagination={pagination}
      columns={[
        { title: t('notifications.outbox.createdAt'), dataIndex: 'createdAt', width: 170, render: (at: string) => formatDateTime(at) },
        { title: t('notifications.outbox.channel'), dataIndex: 'channel', width: 90, render: props.channelName },
        { title: t('notifications.outbox.recipient'), key: 'who', width: 200, render: (_, d) => who(d) },
        { title: t('notifications.outbox.message'), dataIndex: 'title', ellipsis: true },
        { title: t('notifications.outbox.attempts'), dataIndex: 'attempts', width: 70 },
        { title: t('notifications.outbox.lastError'), dataIndex: 'lastError', ellipsis: true },
        { title: '', key: 'resend', width: 110, render: (_, d) => resendButton(d) },
      ]}
    />
  );
}

function RolePreferences({ available, channelName }: { available: NotifyChannel[]; channelName: (c: NotifyChannel) => string }) {
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
