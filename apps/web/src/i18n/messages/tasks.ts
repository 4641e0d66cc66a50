/** UI strings of the tasks pages. Keys start with 'tasks.'; the English type makes a missing key a compile error. */
export const tasksZh = {
} as const;

export const tasksEn: Record<keyof typeof tasksZh, string> = {
};
