// Forms benchmark, browser part: in headless Chromium, mount time and per-keystroke time of a 500-field form
// and of a 200-row × 4-column table, our FormRenderer against stock @rjsf/core 6 with @rjsf/validator-ajv8
// (both validating the whole form on every change). Drives apps/web-e2e/harness/bench.html; prints one JSON line.
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureHarnessBuilt, serveHarness } from '../src/support/harness';
import { chromiumPath } from '../src/support/paths';

type Renderer = 'ours' | 'rjsf';
type Scenario = 'form500' | 'table200';
const TARGET: Record<Scenario, Record<Renderer, string>> = {
  form500: { ours: '[id="f0"]', rjsf: '#root_f0' },
  table200: { ours: '[id="rows.100.name"]', rjsf: '#root_rows_100_name' },
};
const ORIGIN = 'http://form-bench.local';
const MOUNTS = Number(process.env.BENCH_MOUNTS ?? 5);
const KEYS = Number(process.env.BENCH_KEYS ?? 40);
const WARM_KEYS = 5;

interface BenchWindow {
  __bench: {
    mount(r: Renderer, s: Scenario): Promise<number>;
    nextKeystroke(): Promise<number>;
    lastKeystrokeWork(): number;
    elementCount(): number;
  };
  __next?: Promise<number>;
}

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
}

/** One key pressed in the focused input: ms to the next painted frame, and ms of work up to style and layout. */
async function timedKeystroke(page: Page, key: string): Promise<{ frame: number; work: number }> {
  await page.evaluate(() => {
    const w = window as unknown as BenchWindow;
    w.__next = w.__bench.nextKeystroke();
  });
  await page.keyboard.press(key);
  const frame = await page.evaluate(() => (window as unknown as BenchWindow).__next!);
  // The work figure is set in the first task after the input event, normally long before the frame.
  const work = await page.waitForFunction(() => {
    const ms = (window as unknown as BenchWindow).__bench.lastKeystrokeWork();
    return Number.isNaN(ms) ? false : ms;
  });
  return { frame, work: (await work.jsonValue()) as number };
}

/** A page on the bench harness with one renderer's form mounted and its keystroke target focused. */
async function openPage(browser: Browser, renderer: Renderer, scenario: Scenario) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', reducedMotion: 'reduce' });
  await serveHarness(context, ORIGIN);
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  await page.goto(`${ORIGIN}/form-harness/bench.html`);
  await page.waitForFunction(() => !!(window as unknown as BenchWindow).__bench);
  const mount = () => page.evaluate(([r, s]) => (window as unknown as BenchWindow).__bench.mount(r, s), [renderer, scenario] as const);
  await mount(); // warm-up: code loaded and JIT-compiled
  const focus = async () => {
    // Scroll the field to the middle of the window first, as a clerk would (ours mounts widgets near the window).
    const name = TARGET[scenario].ours.slice(5, -2);
    await page.evaluate(
      ([sel, n]) => (document.querySelector(sel) ?? document.querySelector(`[data-deferred="${n}"]`))!.scrollIntoView({ block: 'center' }),
      [TARGET[scenario][renderer], name] as const,
    );
    const target = page.locator(TARGET[scenario][renderer]);
    await target.click();
    await target.press('End');
    return target;
  };
  const keystroke = (key: string) => timedKeystroke(page, key);
  const elements = () => page.evaluate(() => (window as unknown as BenchWindow).__bench.elementCount());
  return { context, mount, focus, keystroke, elements };
}

/**
 * The floor of the keystroke measure: a bare <input> alone on the same page (no React, no form), timed the
 * same way — key event to the frame after it. Frames come on the display's clock (about every 16.7 ms), so
 * even an input that does nothing waits for the next one; a renderer's figure is this wait plus its work.
 * Shows what the measure can resolve: a renderer cannot come in under it.
 */
async function openFloorPage(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', reducedMotion: 'reduce' });
  await serveHarness(context, ORIGIN);
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/form-harness/bench.html`);
  await page.waitForFunction(() => !!(window as unknown as BenchWindow).__bench);
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.id = 'floor';
    document.getElementById('root')!.appendChild(input);
  });
  await page.locator('#floor').click();
  const keystroke = (key: string) => timedKeystroke(page, key);
  return { context, keystroke };
}

/**
 * Ours and rjsf side by side, alternating every mount and every keystroke, so a busy machine (the 2-core box
 * is shared) slows both alike instead of whichever happened to run during the busy spell. The bare input
 * (the measure's floor) takes its keystrokes in the same rotation.
 */
async function runScenario(browser: Browser, scenario: Scenario) {
  const pages = { ours: await openPage(browser, 'ours', scenario), rjsf: await openPage(browser, 'rjsf', scenario) };
  const floor = await openFloorPage(browser);
  const floorKeys: number[] = [];
  const floorWork: number[] = [];
  const mounts: Record<Renderer, number[]> = { ours: [], rjsf: [] };
  for (let i = 0; i < MOUNTS; i++) for (const r of ['ours', 'rjsf'] as const) mounts[r].push(await pages[r].mount());
  const elements = { ours: await pages.ours.elements(), rjsf: await pages.rjsf.elements() };
  const targets = { ours: await pages.ours.focus(), rjsf: await pages.rjsf.focus() };
  const keys: Record<Renderer, number[]> = { ours: [], rjsf: [] };
  const work: Record<Renderer, number[]> = { ours: [], rjsf: [] };
  for (let i = 0; i < WARM_KEYS + KEYS; i++) {
    for (const r of ['ours', 'rjsf'] as const) {
      const t = await pages[r].keystroke(String.fromCharCode(97 + (i % 26)));
      if (i < WARM_KEYS) continue;
      keys[r].push(t.frame);
      work[r].push(t.work);
    }
    const t = await floor.keystroke(String.fromCharCode(97 + (i % 26)));
    if (i < WARM_KEYS) continue;
    floorKeys.push(t.frame);
    floorWork.push(t.work);
  }
  await floor.context.close();
  const out: Record<string, unknown> = {
    floor: {
      keyMedianMs: median(floorKeys),
      keyP95Ms: quantile(floorKeys, 0.95),
      workMedianMs: median(floorWork),
      workP95Ms: quantile(floorWork, 0.95),
      keystrokes: floorKeys.length,
    },
  };
  for (const r of ['ours', 'rjsf'] as const) {
    out[r] = {
      mountMs: median(mounts[r]),
      mounts: mounts[r],
      keyMedianMs: median(keys[r]),
      keyP95Ms: quantile(keys[r], 0.95),
      workMedianMs: median(work[r]),
      workP95Ms: quantile(work[r], 0.95),
      keystrokes: keys[r].length,
      elements: elements[r],
      typedLength: (await targets[r].inputValue()).length,
    };
    await pages[r].context.close();
  }
  return out;
}

async function main() {
  ensureHarnessBuilt();
  const executablePath = chromiumPath();
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const out: Record<string, Record<string, unknown>> = {};
  try {
    for (const scenario of ['form500', 'table200'] as const) {
      process.stderr.write(`  forms: ${scenario}…\n`);
      out[scenario] = await runScenario(browser, scenario);
    }
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify({ mounts: MOUNTS, keystrokes: KEYS, ...out }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
