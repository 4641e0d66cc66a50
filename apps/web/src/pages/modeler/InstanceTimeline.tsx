import type { InstanceDetail } from '@kcbx/api-contract';
import { Timeline, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { modelerZh } from '../../i18n/messages/modeler';
import type { MessageKey } from '../../i18n/zh-CN';

const EVENT_TYPES = new Set(
  Object.keys(modelerZh)
    .filter((k) => k.startsWith('modeler.event.'))
    .map((k) => k.slice('modeler.event.'.length)),
);

/** What happened to an instance so far (entering and leaving steps left out: the diagram shows those), incidents in red. */
export function InstanceTimeline({ history, name }: { history: InstanceDetail['history']; name(id: string | null): string }) {
  const { t, formatDateTime } = useI18n();
  const eventLabel = (type: string) => (EVENT_TYPES.has(type) ? t(`modeler.event.${type}` as MessageKey) : type);
  return (
    <Timeline
      items={history
        .filter((h) => h.type !== 'activity-entered' && h.type !== 'activity-left')
        .map((h) => ({
          key: h.id,
          color: h.type.startsWith('incident') ? 'red' : undefined,
          children: (
            <>
              <Typography.Text type="secondary">{formatDateTime(h.at)}</Typography.Text> {eventLabel(h.type)} {name(h.elementId)}
              {h.userName ? ` · ${h.userName}` : ''}
            </>
          ),
        }))}
    />
  );
}
