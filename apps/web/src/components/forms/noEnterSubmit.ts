import type { KeyboardEvent } from 'react';

/**
 * Enter in a text or date input would submit the whole form (the browser's implicit submission): a clerk
 * confirming a date would send the step off half-filled. Put on a box around the form as onKeyDown; the
 * widgets have already handled the key when it bubbles here, so date pickers still take their date.
 */
export function noEnterSubmit(e: KeyboardEvent<HTMLElement>): void {
  if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
}
