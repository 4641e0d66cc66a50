/** UI strings of the notifications pages. Keys start with 'notifications.'; the English type makes a missing key a compile error. */
export const notificationsZh = {
} as const;

export const notificationsEn: Record<keyof typeof notificationsZh, string> = {
};
