import { pointerWithin, rectIntersection, type CollisionDetection } from '@dnd-kit/core';
import { isLayout, type FormDefinition } from '@kcbx/forms';
import { addField, addLayout, addNote, elementAt, moveElement, type UiPath } from '@kcbx/form-builder';
import type { DragSource, GapTarget } from './dnd';

// Gaps are small targets: take the one under the pointer, else whichever the dragged card overlaps most.
export const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length ? hits : rectIntersection(args);
};

/** Where a click-added item goes: into the selected layout, after the selected field, or at the end of the form. */
export function clickTarget(def: FormDefinition, selected: UiPath | null): GapTarget {
  const element = selected ? elementAt(def.uiSchema, selected) : undefined;
  if (selected && element && isLayout(element)) return { container: selected, index: element.elements?.length ?? 0 };
  if (selected && element && selected.length > 0) return { container: selected.slice(0, -1), index: selected[selected.length - 1] + 1 };
  return { container: [], index: isLayout(def.uiSchema) ? def.uiSchema.elements.length : 0 };
}

/** A palette item or canvas element dropped on a gap: the definition after it, and the element to select. */
export function dropped(
  def: FormDefinition,
  source: DragSource,
  target: GapTarget,
): { definition: FormDefinition; path: UiPath } | null | undefined {
  if (source.from === 'canvas') return moveElement(def, source.path, target);
  if ('note' in source) return addNote(def, target);
  if ('field' in source) return addField(def, source.field, target);
  return addLayout(def, source.layout, target);
}
