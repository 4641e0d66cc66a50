import type { FieldKindName, LayoutKindName, UiPath } from '@kcbx/form-builder';

/** What is being dragged: a new field or layout from the palette, or an element already on the canvas. */
export type DragSource =
  | { from: 'palette'; field: FieldKindName }
  | { from: 'palette'; layout: LayoutKindName }
  | { from: 'palette'; note: true }
  | { from: 'canvas'; path: UiPath };

/** A gap between elements of a layout; dropping there inserts before `index`. */
export interface GapTarget {
  container: UiPath;
  index: number;
}

export const pathKey = (path: UiPath) => (path.length ? path.join('.') : 'root');
