/** UI strings of the students pages. Keys start with 'students.'; the English type makes a missing key a compile error. */
export const studentsZh = {
} as const;

export const studentsEn: Record<keyof typeof studentsZh, string> = {
};
