/** UI strings of the forms pages. Keys start with 'forms.'; the English type makes a missing key a compile error. */
export const formsZh = {
} as const;

export const formsEn: Record<keyof typeof formsZh, string> = {
};
