import type { AppNotification, NotificationFeed } from '@kcbx/api-contract';
import { Button, Empty, List, Tag, Typography } from 'antd';
import { isRead } from '../api/notifications';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/zh-CN';

/** The kind of a notification as a coloured tag; the API's kind names are matched loosely (task-created, new-task …). */
function kindTag(kind: string): { key: MessageKey; color: string } {
  if (/overdue/.test(kind)) return { key: 'notifications.kind.overdue', color: 'red' };
  if (/return/.test(kind)) return { key: 'notifications.kind.returned', color: 'orange' };
  if (/task|new|assign|deleg/.test(kind)) return { key: 'notifications.kind.new', color: 'blue' };
  return { key: 'notifications.kind.other', color: 'default' };
}

interface PanelProps {
  feed: NotificationFeed;
  onOpen(n: AppNotification): void;
  onInbox(): void;
  onSettings(): void;
  onReadAll(): void;
}

/** The bell's pop-up: the notices, newest first (read ones faded), and the links to the inbox and the settings. */
export function NotificationPanel({ feed, onOpen, onInbox, onSettings, onReadAll }: PanelProps) {
  const { t, formatDateTime } = useI18n();
  return (
    <div style={{ width: 'min(360px, calc(100vw - 48px))', maxHeight: 420, overflow: 'auto' }} data-testid="notification-list">
      {feed.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List
          size="small"
          dataSource={feed.items}
          renderItem={(n) => {
            const tag = kindTag(n.kind);
            return (
              <List.Item
                onClick={() => onOpen(n)}
                style={{ cursor: 'pointer', opacity: isRead(n) ? 0.6 : 1 }}
                data-testid="notification-item"
              >
                <List.Item.Meta
                  title={
                    <span>
                      <Tag color={tag.color}>{t(tag.key)}</Tag>
                      {isRead(n) ? (n.title ?? '') : <strong>{n.title ?? ''}</strong>}
                    </span>
                  }
                  description={
                    <>
                      {n.message && <div>{n.message}</div>}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(n.createdAt)}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            );
          }}
        />
      )}
      <div style={{ display: 'flex', justifyContent: 'space-between', borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
        <Button type="link" size="small" onClick={onInbox}>
          {t('notifications.openInbox')}
        </Button>
        <Button type="link" size="small" data-testid="my-notification-settings-open" onClick={onSettings}>
          {t('notifications.mine.open')}
        </Button>
        <Button type="link" size="small" disabled={feed.unread === 0} onClick={onReadAll}>
          {t('notifications.readAll')}
        </Button>
      </div>
    </div>
  );
}
