/** "张三，李四、王五" → ['张三', '李四', '王五']: the names a clerk types, split on commas (either width), 、 or spaces. */
export const nameList = (text?: string): string[] =>
  (text ?? '')
    .split(/[,，、\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
