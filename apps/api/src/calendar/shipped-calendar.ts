import * as fs from 'fs';
import * as path from 'path';
import { checkCalendarYear, checkSchoolTerms, type CalendarYear, type SchoolTerm } from '@kcbx/work-calendar';
import { repositoryRoot } from '../config/repository-root';

/**
 * The calendar years the package ships (calendar/<year>.json at the package root) and a county's school terms
 * (counties/<code>/school-terms.json). A broken shipped file stops the start: deadlines would silently count wrong.
 */
export function shippedCalendarYears(root = repositoryRoot()): CalendarYear[] {
  const dir = path.join(root, 'calendar');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .sort()
    .map((f) => {
      const year = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as CalendarYear;
      const problems = checkCalendarYear(year);
      if (problems.length > 0) throw new Error(`calendar/${f}: ${problems.join('; ')}`);
      return year;
    });
}

export function shippedSchoolTerms(countyCode: string, root = repositoryRoot()): SchoolTerm[] {
  const file = path.join(root, 'counties', countyCode, 'school-terms.json');
  if (!fs.existsSync(file)) return [];
  const terms = JSON.parse(fs.readFileSync(file, 'utf8')) as SchoolTerm[];
  const problems = checkSchoolTerms(terms);
  if (problems.length > 0) throw new Error(`counties/${countyCode}/school-terms.json: ${problems.join('; ')}`);
  return terms;
}
