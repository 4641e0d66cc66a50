/** UI strings of the modeler pages. Keys start with 'modeler.'; the English type makes a missing key a compile error. */
export const modelerZh = {
} as const;

export const modelerEn: Record<keyof typeof modelerZh, string> = {
};
