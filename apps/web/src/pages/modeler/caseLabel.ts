/** What an instance is about, for people: the student's name, else the business key, else the id's start. */
export function caseLabel(i: {
  studentName?: string | null;
  businessKey: string | null;
  id: string;
  variables?: Record<string, unknown>;
}): string {
  const student = i.studentName ?? (typeof i.variables?.studentName === 'string' ? i.variables.studentName : null);
  return student ?? i.businessKey ?? i.id.slice(0, 8);
}
