import './own-submit.css';

/**
 * Submits the renderer's <form> inside `box` (validation and field errors stay the renderer's job), or calls
 * `noForm` when there is none. Put class `kcbx-own-submit` on the box to hide the renderer's own button.
 */
export function submitInnerForm(box: HTMLElement | null, noForm: () => void): void {
  const form = box?.querySelector('form.kcbx-form');
  if (form instanceof HTMLFormElement) form.requestSubmit();
  else noForm();
}
