import type { NotificationDeliveryView, NotifyChannel } from '@kcbx/api-contract';
import { useState } from 'react';
import { App, Button, Card, Grid, List, Space, Table, Tag, Typography } from 'antd';
import { deliveriesApi } from '../../api/notifications';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';

const PAGE_SIZE = 20;
export const OUTBOX_STATES = ['dead', 'pending', 'held', 'sent'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

interface Props {
  state: OutboxState;
  page: number;
  setPage: (p: number) => void;
  channelName: (c: NotifyChannel) => string;
}

/** One page of the outbox in one state, with each letter's recipient, tries and last error; dead ones can be resent. */
export function OutboxDeliveries(props: Props) {
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
