import { get, set, type Control, type Field } from 'react-hook-form';

/**
 * The only file that reads react-hook-form's internals (the `_`-prefixed members of `control`).
 *
 * useField needs one subscription per field that fires only for that field's own value and error — on a
 * 500-field form useController's two subscriptions per field were most of the mount (see use-field.ts). The
 * public API has no such subscription, so this adapter reaches into `control` in the few ways listed here;
 * rhf-adapter.spec.ts pins each of them against the installed version, so an upgrade that moves one fails
 * that spec rather than a form in a clerk's hands.
 */

/** react-hook-form's get, without parsing the path for a top-level name (most fields of a large form). */
function at(values: unknown, name: string): unknown {
  return name.includes('.') ? get(values, name) : (values as Record<string, unknown> | undefined)?.[name];
}

/** The field's current value in the form (undefined when empty or not registered) — never its default. */
export function formValue(control: Control, name: string): unknown {
  return at(control._formValues, name);
}

/** The value the form opened with (data passed in, schema defaults). */
export function defaultValue(control: Control, name: string): unknown {
  return get(control._defaultValues, name);
}

/** Sets the form's value without an event (what useController does when a field mounts with a default). */
export function seedValue(control: Control, name: string, value: unknown): void {
  set(control._formValues, name, value);
}

/** The field's error message after the last validation ("" object errors: the message of the whole). */
export function fieldError(control: Control, name: string): string | undefined {
  // a field's error, or an object's / array's whose own message sits at `root`
  const error = at(control._formState.errors, name) as { message?: string; root?: { message?: string } } | undefined;
  return error?.message ?? error?.root?.message;
}

/** "rows.3.name" is a cell of the field array "rows" (react-hook-form keeps such fields through row moves). */
export function isFieldArrayCell(control: Control, name: string): boolean {
  const cut = name.search(/\.\d+(\.|$)/);
  return cut > 0 && control._names.array.has(name.substring(0, cut));
}

/** A field array is adding, removing or moving rows right now (its cells must not unregister). */
export function fieldArrayMoving(control: Control): boolean {
  return !!control._state.action;
}

export function isRegistered(control: Control, name: string): boolean {
  return !!get(control._fields, name);
}

/** Marks a registered field mounted, as useController does in its effect (validation counts mounted fields). */
export function markMounted(control: Control, name: string): void {
  const field: Field | undefined = get(control._fields, name);
  if (field?._f) field._f.mount = true;
}

/** Lets react-hook-form focus this field's widget (the first field in error after a refused submit). */
/** What a widget's ref gives: an input element, or an antd component with focus (and select). */
export interface FocusTarget {
  focus?: () => void;
  select?: () => void;
}

export function setFocusTarget(control: Control, name: string, el: FocusTarget | null): void {
  const field: Field | undefined = get(control._fields, name);
  if (!field?._f || !el) return;
  // What react-hook-form calls on a ref: focus and select after a refused submit, the validity pair on native inputs.
  const target = {
    name,
    focus: () => el.focus?.(),
    select: () => el.select?.(),
    setCustomValidity: () => undefined,
    reportValidity: () => true,
  };
  field._f.ref = target;
}

/** Calls back when this field's value or error may have changed (a whole-form update included); returns the unsubscribe. */
export function subscribeField(control: Control, name: string, callback: () => void): () => void {
  return control._subscribe({ name, exact: true, formState: { values: true, errors: true }, callback });
}
