import type { AppNotification, NotificationFeed } from '@kcbx/api-contract';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Badge, Button, Popover } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/errors';
import { isRead, notificationsApi } from '../api/notifications';
import { useI18n } from '../i18n/i18n';
import { useLoad } from '../util/useLoad';
import { useShowError } from '../util/useShowError';

import type { NotificationPanel as Panel } from './NotificationPanel';

// The list and the settings dialog load when first opened: the bell's count is all a page draws at first. The
// popover opens once the list's code is here, so it is placed at its full size (not a spinner's, then cut off).
const loadPanel = () => import('./NotificationPanel').then((m) => m.NotificationPanel);
const MyNotificationSettings = lazy(() => import('./MyNotificationSettings').then((m) => ({ default: m.MyNotificationSettings })));

const POLL_MS = 30_000;
const NO_FEED: NotificationFeed = { items: [], unread: 0 };

/**
 * The header's bell: how many notices are unread (new tasks, overdue ones), polled every 30 s and on each
 * page change; a click on one opens its task and marks it read.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const showError = useShowError();
  const [open, setOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [settingsUsed, setSettingsUsed] = useState(false);
  const [NotificationPanel, setPanel] = useState<typeof Panel | null>(null);
  const toggle = (next: boolean) => {
    if (!next || NotificationPanel) return setOpen(next);
    loadPanel().then((p) => {
      setPanel(() => p);
      setOpen(true);
    }, showError);
  };
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

  return (
    <>
      {settingsUsed && (
        <Suspense fallback={null}>
          <MyNotificationSettings open={settingsOpen} onClose={() => setSettingsOpen(false)} />
        </Suspense>
      )}
      <Popover
        open={open}
        onOpenChange={toggle}
        trigger="click"
        placement="bottomRight"
        // shifted, not only flipped: on a phone the bell sits left of the name, and the list must stay on screen
        align={{ overflow: { shiftX: true, adjustY: true } }}
        title={t('notifications.title')}
        content={
          NotificationPanel && (
            <NotificationPanel
              feed={feed}
              onOpen={openOne}
              onInbox={() => {
                setOpen(false);
                navigate('/inbox');
              }}
              onSettings={() => {
                setOpen(false);
                setSettingsUsed(true);
                setSettingsOpen(true);
              }}
              onReadAll={readAll}
            />
          )
        }
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
