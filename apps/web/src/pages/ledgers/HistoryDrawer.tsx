import type { LedgerEntry, LedgerEvent } from '@kcbx/api-contract';
import { Drawer, Tag, Timeline, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';
import { actionLabel, STATUS_COLOR, statusLabel } from './labels';
import { ledgersApi } from './ledgersApi';

/** Every change of one entry, oldest first: what happened, from which status to which, when and why. */
export function HistoryDrawer({ entry, onClose }: { entry: LedgerEntry | null; onClose: () => void }) {
  const { t, formatDateTime } = useI18n();
  const showError = useShowError();
  const history = useLoad(
    (): Promise<LedgerEvent[]> => (entry ? ledgersApi.history(entry.kind, entry.id).then((h) => h.events) : Promise.resolve([])),
    [entry],
    showError,
  );
  // The entry before's events are not shown while this one's load.
  const events = (!history.loading && history.data) || [];
  return (
    <Drawer open={!!entry} onClose={onClose} width={460} title={entry ? t('ledgers.historyTitle', { name: entry.studentName }) : ''}>
      <Timeline
        data-testid="ledger-history"
        items={events.map((e) => {
          const label = actionLabel(e.action);
          return {
            color: e.toStatus ? STATUS_COLOR[e.toStatus] : 'gray',
            children: (
              <div data-testid="ledger-history-event">
                <Typography.Text strong>{label ? t(label) : e.action}</Typography.Text>{' '}
                {e.toStatus && <Tag color={STATUS_COLOR[e.toStatus]}>{t(statusLabel(e.toStatus))}</Tag>}
                <div>
                  <Typography.Text type="secondary">
                    {formatDateTime(e.at)}
                    {e.by ? '' : ` · ${t('ledgers.byProcedure')}`}
                  </Typography.Text>
                </div>
                {e.note && <div>{e.note}</div>}
              </div>
            ),
          };
        })}
      />
    </Drawer>
  );
}
