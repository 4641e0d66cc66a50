import type { AppNotification, NotificationFeed } from '@kcbx/api-contract';
import { useEffect, useRef, useState } from 'react';
import { Badge, Button, Empty, List, Popover, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/errors';
import { isRead, notificationsApi } from '../api/notifications';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/zh-CN';
import { useLoad } from '../util/useLoad';
import { MyNotificationSettings } from './MyNotificationSettings';

const POLL_MS = 30_000;
const NO_FEED: NotificationFeed = { items: [], unread: 0 };

/** The kind of a notification as a coloured tag; the API's kind names are matched loosely (task-created, new-task …). */
function kindTag(kind: string): { key: MessageKey; color: string } {
  if (/overdue/.test(kind)) return { key: 'notifications.kind.overdue', color: 'red' };
  if (/return/.test(kind)) return { key: 'notifications.kind.returned', color: 'orange' };
  if (/task|new|assign|deleg/.test(kind)) return { key: 'notifications.kind.new', color: 'blue' };
  return { key: 'notifications.kind.other', color: 'default' };
}

/**
 * The header's bell: how many notices are unread (new tasks, overdue ones), polled every 30 s and on each
 * page change; a click on one opens its task and marks it read.
 */
export function NotificationBell() {
  const { t, formatDateTime } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  // A server without the notifications API (404) is not asked again until the page is reloaded.
  const absent = useRef(false);

  // Loads on each page change and on refresh(); a missed poll is retried by the next one.
  const { data: feed = NO_FEED, reload: refresh } = useLoad(
    () => (absent.current ? Promise.resolve(NO_FEED) : notificationsApi.list()),
    [pathname],
    (e) => {
      if (e instanceof ApiError && e.status === 404) absent.current = true;
    },
  );
  useEffect(() => {
    const timer = setInterval(refresh, POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const openOne = (n: AppNotification) => {
    setOpen(false);
    if (!isRead(n)) void notificationsApi.markRead(n.id).then(refresh, () => undefined);
    navigate(n.taskId ? `/tasks/${n.taskId}` : '/inbox');
  };
  const readAll = () => void notificationsApi.markAllRead().then(refresh, () => undefined);

  const content = (
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
                onClick={() => openOne(n)}
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
        <Button
          type="link"
          size="small"
          onClick={() => {
            setOpen(false);
            navigate('/inbox');
          }}
        >
          {t('notifications.openInbox')}
        </Button>
        <Button
          type="link"
          size="small"
          data-testid="my-notification-settings-open"
          onClick={() => {
            setOpen(false);
            setSettingsOpen(true);
          }}
        >
          {t('notifications.mine.open')}
        </Button>
        <Button type="link" size="small" disabled={feed.unread === 0} onClick={readAll}>
          {t('notifications.readAll')}
        </Button>
      </div>
    </div>
  );

  return (
    <>
      <MyNotificationSettings open={settingsOpen} onClose={() => setSettingsOpen(false)} />
      <Popover
        open={open}
        onOpenChange={setOpen}
        trigger="click"
        placement="bottomRight"
        title={t('notifications.title')}
        content={content}
      >
        <Button type="text" aria-label={t('notifications.bell', { count: feed.unread })} data-testid="notification-bell">
          <Badge count={feed.unread} size="small" offset={[4, -2]} data-testid="notification-count">
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        </Button>
      </Popover>
    </>
  );
}
