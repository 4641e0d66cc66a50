/** UI strings of the notifications pages. Keys start with 'notifications.'; the English type makes a missing key a compile error. */
export const notificationsZh = {
  'notifications.title': '消息通知',
  'notifications.bell': '消息通知，{count} 条未读',
  'notifications.empty': '暂无消息',
  'notifications.readAll': '全部标为已读',
  'notifications.kind.new': '新任务',
  'notifications.kind.overdue': '已逾期',
  'notifications.kind.returned': '被退回',
  'notifications.kind.other': '通知',
  'notifications.openInbox': '查看全部待办',
} as const;

export const notificationsEn: Record<keyof typeof notificationsZh, string> = {
  'notifications.title': 'Notifications',
  'notifications.bell': 'Notifications, {count} unread',
  'notifications.empty': 'No notifications',
  'notifications.readAll': 'Mark all as read',
  'notifications.kind.new': 'New task',
  'notifications.kind.overdue': 'Overdue',
  'notifications.kind.returned': 'Returned',
  'notifications.kind.other': 'Notice',
  'notifications.openInbox': 'Open the inbox',
};
