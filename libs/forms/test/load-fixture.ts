import * as fs from 'fs';
import * as path from 'path';
import { parseFormDefinition, type FormDefinition } from '../src';

export const FIXTURES = path.join(__dirname, 'fixtures');

export function readFixture(relative: string): string {
  return fs.readFileSync(path.join(FIXTURES, relative), 'utf8');
}

/** The student-return definition (a fresh object each call, so cache tests control identity). */
export function studentReturn(): FormDefinition {
  const result = parseFormDefinition(readFixture('definitions/student-return.form.json'), 'student-return.form.json');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.definition;
}
