import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { FormRenderer } from '@kcbx/form-renderer';
import { largeForm } from '@kcbx/forms';

/**
 * The forms benchmark page (driven by apps/web-e2e/bench/browser.bench.ts): mounts a large form with our
 * renderer or with stock @rjsf/core 6 + @rjsf/validator-ajv8, and times keystrokes from the key event to
 * the frame after it, and the work each causes up to style and layout. Both validate the whole form on every change (ours validateOn="change", rjsf
 * liveValidate="onChange"), so a keystroke costs the same kind of work in both.
 */
export type Renderer = 'ours' | 'rjsf';
export type Scenario = 'form500' | 'table200';

const scenarios: Record<Scenario, () => ReturnType<typeof largeForm>> = {
  form500: () => largeForm(500, 0),
  table200: () => largeForm(0, 200),
};

/** The text input the keystrokes go to: the first field, or the name cell of row 100. */
export const TARGET: Record<Scenario, Record<Renderer, string>> = {
  form500: { ours: '[id="f0"]', rjsf: '#root_f0' },
  table200: { ours: '[id="rows.100.name"]', rjsf: '#root_rows_100_name' },
};

/** Resolves after the next frame has been painted (rAF runs before paint; a message posted from it after). */
function afterPaint(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    }),
  );
}

let root: Root | undefined;
const latencies: number[] = [];
let waiting: ((ms: number) => void) | undefined;

let keyStart = 0;
let lastWork = NaN;

// The key event's timeStamp is when the browser created it; the latency ends after the frame showing the change.
document.addEventListener(
  'keydown',
  (e) => {
    const start = e.timeStamp;
    keyStart = performance.now();
    lastWork = NaN;
    void afterPaint().then((end) => {
      latencies.push(end - start);
      waiting?.(end - start);
      waiting = undefined;
    });
  },
  true,
);

// The work a keystroke causes in the page: from the moment the page handles the key (the capturing keydown
// listener above, so the browser's delivery of the key to the page is not in it; the frame figure has that)
// through the input handlers and React's commit to style and layout of the result. Both renderers commit
// synchronously on input, in the microtask after React's listener at the root, which runs before this
// listener on window (bubbling, last); layout is forced here. Paint and compositing are not in it.
window.addEventListener('input', () => {
  document.documentElement.getBoundingClientRect();
  lastWork = performance.now() - keyStart;
});

function element(renderer: Renderer, scenario: Scenario) {
  const { definition, data } = scenarios[scenario]();
  if (renderer === 'ours') return <FormRenderer definition={definition} data={data} validateOn="change" onSubmit={() => undefined} />;
  return <Form schema={definition.schema as any} formData={data} validator={validator} liveValidate="onChange" noHtml5Validate />;
}

const bench = {
  /** Milliseconds from render start to the first painted frame of the whole form. */
  async mount(renderer: Renderer, scenario: Scenario): Promise<number> {
    root?.unmount();
    const container = document.getElementById('root')!;
    container.innerHTML = '';
    root = createRoot(container);
    await afterPaint();
    const start = performance.now();
    flushSync(() => root!.render(element(renderer, scenario)));
    return (await afterPaint()) - start;
  },
  /** Resolves with the latency of the next keystroke. */
  nextKeystroke(): Promise<number> {
    return new Promise((resolve) => (waiting = resolve));
  },
  /** The last keystroke's work up to style and layout (see the 'input' listener), NaN if it caused no input. */
  lastKeystrokeWork: () => lastWork,
  elementCount: () => document.querySelectorAll('#root *').length,
};

(window as unknown as { __bench: typeof bench }).__bench = bench;
