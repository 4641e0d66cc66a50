/** One thing wrong with one file of a package, where an author can find it. */
export interface Problem {
  file: string;
  /** 1-based; absent when the file as a whole is wrong */
  line?: number;
  column?: number;
  elementId?: string;
  code: string;
  zh: string;
  en: string;
  /** warnings are printed but do not fail a check */
  severity?: 'warning';
}

/** `forms/a.form.json:12:5 [CODE] 中文 / English` — editors and terminals turn file:line into a link. */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.line, p.line !== undefined ? p.column : undefined].filter((x) => x !== undefined).join(':');
  const element = p.elementId ? ` (${p.elementId})` : '';
  const level = p.severity === 'warning' ? '提示 warning: ' : '';
  return `${where}${element} [${p.code}] ${level}${p.zh} / ${p.en}`;
}

export function byPosition(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
