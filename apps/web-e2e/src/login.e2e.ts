import type { Browser } from 'playwright-core';
import { expectText, fillLogin, launchBrowser, logIn, logOut, newPage, screenshot } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('login', () => {
  it('a class teacher logs in and sees their name, school and role in the header', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/');
    await page.locator('#username').waitFor(); // not logged in: sent to the login page
    await screenshot(page, 'login');
    await logIn(page, 'teacher');
    await expectText(page.getByTestId('header-display-name'), '马老师（演示）');
    await expectText(page.getByTestId('header-units'), '吉强镇中心小学');
    await expectText(page.getByTestId('header-user'), '班主任');
    await expectText(page.getByTestId('home-roles'), '吉强镇中心小学');
    await screenshot(page, 'home-teacher');
    // A teacher has no admin permission: no admin menu, and the page itself refuses.
    expect(await page.getByTestId('side-menu').textContent()).not.toContain('系统管理');
    await page.goto('/admin/users');
    await page.getByText('您没有访问此页面的权限').waitFor();
    // The session survives a reload (token in sessionStorage) and ends with logout.
    await page.reload();
    await page.getByTestId('header-display-name').waitFor();
    await logOut(page);
    await page.goto('/');
    await page.locator('#username').waitFor();
    await context.close();
  });

  it('a token the API no longer accepts sends the user back to the login page with a reason', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'township');
    await expectText(page.getByTestId('header-units'), '吉强镇');
    await page.evaluate(() => {
      const key = 'kcbx.session';
      const t = JSON.parse(sessionStorage.getItem(key)!);
      sessionStorage.setItem(key, JSON.stringify({ ...t, accessToken: t.accessToken.slice(0, -4) + 'AAAA' }));
    });
    await page.reload();
    await page.getByText('登录已失效，请重新登录').waitFor();
    await page.locator('#username').waitFor();
    await context.close();
  });

  it('a token close to expiry is exchanged for a fresh one before the session runs out', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'basic-edu');
    // Pretend the 30-minute token was issued 29m40s ago: 20 s left, inside the refresh margin.
    await page.evaluate(() => {
      const key = 'kcbx.session';
      const t = JSON.parse(sessionStorage.getItem(key)!);
      sessionStorage.setItem(key, JSON.stringify({ ...t, issuedAt: Date.now() - 1780_000, expiresAt: Date.now() + 20_000 }));
    });
    const [refresh] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/auth/refresh')), page.reload()]);
    expect(refresh.status()).toBe(200);
    await page.getByTestId('header-display-name').waitFor();
    await page.waitForFunction(() => JSON.parse(sessionStorage.getItem('kcbx.session')!).expiresAt > Date.now() + 600_000);
    await context.close();
  });

  it('a wrong password shows the API message in Chinese and does not log in', async () => {
    const { context, page } = await newPage(browser);
    expect(await fillLogin(page, 'principal', 'not-the-password')).toBe(401);
    await expectText(page.getByTestId('login-error'), '用户名或密码错误');
    expect(page.url()).toContain('/login');
    await context.close();
  });

  it('repeated failures make the next attempt wait, and the page says how many seconds', async () => {
    const { context, page } = await newPage(browser);
    const statuses: number[] = [];
    // the first failures go free; after them each one doubles the wait (1 s, 2 s, 4 s …). A slow machine may
    // spend a wait between two attempts, so keep trying until one is asked to wait.
    for (let i = 0; i < 10 && !statuses.includes(429); i++) statuses.push(await fillLogin(page, 'inspector', `wrong-${i}`));
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[statuses.length - 1]).toBe(429);
    await expectText(page.getByTestId('login-error'), '登录失败次数过多');
    expect(await page.getByTestId('login-error').textContent()).toMatch(/请 \d+ 秒后再试/);
    await context.close();
  });
});
