/** UI strings of the ledgers pages. Keys start with 'ledgers.'; the English type makes a missing key a compile error. */
export const ledgersZh = {
} as const;

export const ledgersEn: Record<keyof typeof ledgersZh, string> = {
};
