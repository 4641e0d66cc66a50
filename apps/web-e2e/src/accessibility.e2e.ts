import type { Browser, Page } from 'playwright-core';
import { DESK, launchBrowser, logIn, logOut, newPage, PHONE } from './support/browser';
import { call, tokenOf } from './support/api';
import { seriousViolations, sidewaysOverflow } from './support/axe';
import { useDemoServer } from './support/demo-server';
import { settled } from './support/settled';

/**
 * Issue #13 acceptance 4: axe-core finds no serious or critical violation on the main pages of every role —
 * login, home, inbox, task, start, student file, ledgers, dashboard, form builder, procedures, monitoring and the
 * admin pages — at a desk (1440×900) and on a phone (390×844), where no page may scroll sideways either.
 * The demo county's cases give every page real content (a task page with its form, a file with its steps).
 */

useDemoServer();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The pages each demo user works on; `:task` and `:student` are the user's first open task and its child. */
const ROLES: { user: string; pages: string[] }[] = [
  { user: 'teacher', pages: ['/', '/inbox', '/tasks/:task', '/start', '/start/persuasion-return', '/students', '/students/:student'] },
  { user: 'principal', pages: ['/', '/inbox', '/tasks/:task', '/dashboard', '/ledgers'] },
  { user: 'township', pages: ['/', '/inbox', '/tasks/:task', '/dashboard', '/ledgers'] },
  { user: 'basic-edu', pages: ['/', '/inbox', '/dashboard', '/registers'] },
  {
    user: 'designer',
    pages: ['/design/forms', '/design/forms/review-decision', '/design/processes', '/design/instances', '/design/decisions'],
  },
  { user: 'admin', pages: ['/admin/users', '/admin/org-units', '/admin/roles', '/admin/imports', '/admin/audit', '/admin/api-keys'] },
];

/** The user's first open task (claimed or waiting to be claimed) and the child it is about. */
async function firstTask(user: string): Promise<{ task?: string; student?: string }> {
  const inbox = await call('GET', '/api/tasks?scope=all&pageSize=50', await tokenOf(user));
  const items = inbox.items as { id: string; studentId?: string | null }[];
  const withStudent = items.find((t) => t.studentId) ?? items[0];
  return { task: withStudent?.id, student: withStudent?.studentId ?? undefined };
}

async function check(page: Page, url: string, width: number): Promise<string[]> {
  await page.goto(url);
  await settled(page);
  const problems = (await seriousViolations(page)).map((v) => `${url} @${width}: ${v}`);
  if (width === PHONE.width) {
    const over = await sidewaysOverflow(page);
    if (over > 0) problems.push(`${url} @${width}: scrolls sideways by ${over} px`);
  }
  return problems;
}

describe('accessibility (axe-core) of every role’s pages, desk and phone', () => {
  for (const size of [DESK, PHONE]) {
    it(`${size.width}×${size.height}: no serious or critical violation, no sideways scrolling on a phone`, async () => {
      const problems: string[] = [];
      const { context, page } = await newPage(browser, size);
      await page.goto('/login');
      await page.locator('#username').waitFor();
      problems.push(...(await check(page, '/login', size.width)));
      for (const { user, pages } of ROLES) {
        const { task, student } = await firstTask(user);
        await logIn(page, user);
        for (const p of pages) {
          if ((p.includes(':task') && !task) || (p.includes(':student') && !student)) {
            problems.push(`${p}: the demo county has no open task with a student for ${user}`);
            continue;
          }
          problems.push(...(await check(page, p.replace(':task', task ?? '').replace(':student', student ?? ''), size.width)));
        }
        await logOut(page);
      }
      await context.close();
      expect(problems).toEqual([]);
    }, 600_000);
  }
});
