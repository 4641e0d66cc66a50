import type { Browser } from 'playwright-core';
import { expectText, fillLogin, launchBrowser, logIn, newPage, screenshot } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('language', () => {
  it('switching to English changes the UI and the API messages, and the choice is remembered', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/login');
    await expectText(page.getByTestId('login-submit'), '登录');
    await page.getByTestId('lang-switch').click();
    await expectText(page.getByTestId('login-submit'), 'Log in');

    // The API words its error in the language the page asked for (Accept-Language).
    expect(await fillLogin(page, 'subsidy', 'wrong-password')).toBe(401);
    await expectText(page.getByTestId('login-error'), 'Wrong username or password');

    await logIn(page, 'registrar');
    await expectText(page.getByTestId('logout'), 'Log out');
    await expectText(page.getByTestId('side-menu'), 'Home');
    await expectText(page.getByTestId('header-user'), 'Registrar'); // the role's English name
    await expectText(page.getByTestId('home-welcome'), 'Hello, 李学籍（演示）');
    await screenshot(page, 'home-en');

    // Persisted in localStorage: a reload stays English; switching back gives Chinese again.
    await page.reload();
    await expectText(page.getByTestId('logout'), 'Log out');
    await page.getByTestId('lang-switch').click();
    await expectText(page.getByTestId('logout'), '退出登录');
    await expectText(page.getByTestId('header-user'), '学籍管理员');
    await context.close();
  });
});
