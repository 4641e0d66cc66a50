import type { NotifyChannel } from '@kcbx/api-contract';
import { useState } from 'react';
import { Alert, Segmented } from 'antd';
import { deliveriesApi } from '../../api/notifications';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';
import { OUTBOX_STATES, OutboxDeliveries, type OutboxState } from './OutboxDeliveries';
import { RolePreferences } from './RolePreferences';

/**
 * 通知外发: the outbox by state — first the dead letters (every try failed) with their reason and a resend button —
 * and which channels each role's holders get. Cards on a phone, a table on a desk.
 */
export default function NotificationOutboxPage() {
  const { t } = useI18n();
  const [state, setState] = useState<OutboxState>('dead');
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
      <Segmented<OutboxState>
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
        value={state}
        onChange={(s) => {
          setState(s);
          setPage(1);
        }}
        options={OUTBOX_STATES.map((s) => ({ value: s, label: t(`notifications.outbox.state.${s}`) }))}
        data-testid="outbox-state"
      />
      <OutboxDeliveries state={state} page={page} setPage={setPage} channelName={channelName} />
      <RolePreferences available={available} channelName={channelName} />
    </>
  );
}
