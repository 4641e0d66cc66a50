import type { CSSProperties, ReactNode } from 'react';
import { isLayout, type UiElement } from '@kcbx/forms';
import { useFormEnv } from './form-context';
import { FIELD_PX, NearContext, useNearChunk } from './near-viewport';

/**
 * A few fields or table rows of a large form that get their real widgets together, as the chunk comes near
 * the window (see useNearChunk). Outside large forms nothing is chunked.
 *
 * Fields: the browser skips styling, laying out and painting chunks far from the window (content-visibility:
 * auto; the estimate holds their place until they were once laid out), so the first paint does not pay for
 * the whole form. Table rows: skipped the same way until near; from then on each chunk is its own
 * compositing layer instead, so a keystroke in row 100 repaints eight rows, not two hundred (content-visibility
 * on the row chunks in view made Chromium's layerization step cost more than the repaint it saved).
 */
export function NearChunk({ estimatePx, rows, children }: { estimatePx: number; rows?: boolean; children: ReactNode }) {
  const { deferWidgets, firstScreen } = useFormEnv();
  const { near, ref } = useNearChunk(deferWidgets, firstScreen, estimatePx);
  const content = <NearContext.Provider value={near}>{children}</NearContext.Provider>;
  return rows ? (
    <div
      ref={ref}
      className={near ? 'kcbx-chunk-rows' : 'kcbx-chunk-rows kcbx-chunk-far'}
      style={near ? undefined : ({ containIntrinsicSize: `auto ${Math.round(estimatePx)}px` } as CSSProperties)}
    >
      {content}
    </div>
  ) : (
    <div ref={ref} className="kcbx-chunk" style={{ containIntrinsicSize: `auto ${Math.round(estimatePx)}px` } as CSSProperties}>
      {content}
    </div>
  );
}

/** Roughly how tall an element renders (only to tell which chunks fill the first screen). */
export function estimateHeight(element: UiElement): number {
  if (element.type === 'Control') return FIELD_PX;
  if (!isLayout(element)) return 30;
  const heights = element.elements.map(estimateHeight);
  if (element.type === 'HorizontalLayout') return Math.max(0, ...heights);
  return heights.reduce((a, b) => a + b, 40);
}
