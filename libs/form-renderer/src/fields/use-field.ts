import { useCallback, useContext, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useFormContext, type Control } from 'react-hook-form';
import { DisabledContext } from '../form-context';
import {
  defaultValue,
  fieldArrayMoving,
  fieldError,
  formValue,
  isFieldArrayCell,
  isRegistered,
  markMounted,
  seedValue,
  setFocusTarget,
  subscribeField,
  type FocusTarget,
} from '../rhf-adapter';

// On the server (print previews, tests) layout effects warn; there is nothing to lay out anyway.
const useIsoLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

interface FieldSnapshot {
  /** What the form holds: JSON of any shape (data from the server is checked, not trusted), narrowed by each widget. */
  value: unknown;
  error?: string;
}

/**
 * What the field shows: the form's value, never the default it opened with. A clerk who empties a pre-filled
 * field sees it empty and submits it empty (the default is put in once, when the field registers).
 */
function snapshot(control: Control, name: string): FieldSnapshot {
  return { value: formValue(control, name), error: fieldError(control, name) };
}

/** A value from an input event, or the value itself (antd widgets call onChange with values). */
function eventValue(e: unknown): unknown {
  const target = e && typeof e === 'object' && !Array.isArray(e) ? (e as { target?: unknown }).target : undefined;
  if (target && typeof target === 'object') {
    const input = target as { type?: unknown; checked?: unknown; value?: unknown };
    return input.type === 'checkbox' ? input.checked : input.value;
  }
  return e;
}

/**
 * One field's value and error, for this field alone: typing in a field re-renders that field, not the form.
 *
 * This is what react-hook-form's useController does (register while rendering, so the value is in the form
 * from the start; unregister on unmount, as the form drops fields that are not shown), with one form-state
 * subscription instead of useController's two (useWatch and useFormState, each with its own layout effect
 * and resync) — on a 500-field form they were most of the mount. The subscription re-renders the field only
 * when its own value or error message changed, so validating the whole form on each keystroke re-renders the
 * fields whose error appeared or went, not every field.
 */
export function useField(name: string, readonly = false) {
  const { control, trigger } = useFormContext();
  const disabledByRule = useContext(DisabledContext);
  // Registered while rendering (before the first snapshot), so the value it opens with is in the form and on screen.
  const registered = useRef<{ name: string; props: ReturnType<Control['register']> } | null>(null);
  if (registered.current?.name !== name) {
    const current = formValue(control, name);
    registered.current = { name, props: control.register(name, { value: current === undefined ? defaultValue(control, name) : current }) };
  }
  const [state, setState] = useState(() => snapshot(control, name));

  // One effect per field (a 500-field form mounts 500 of them): registration, then the subscription.
  useIsoLayoutEffect(() => {
    const arrayCell = isFieldArrayCell(control, name);
    // Registered while rendering; again only if an unmount in between (StrictMode, a row move) unregistered
    // it — then, as useController with shouldUnregister, it comes back with the value the form opened with.
    if (!arrayCell && !isRegistered(control, name)) {
      const value = defaultValue(control, name);
      if (formValue(control, name) === undefined && value !== undefined) seedValue(control, name, structuredCloneSafe(value));
      control.register(name);
    }
    markMounted(control, name);

    const sync = () =>
      setState((prev) => {
        const next = snapshot(control, name);
        return Object.is(prev.value, next.value) && prev.error === next.error ? prev : next;
      });
    sync(); // anything that changed between the render and the subscription
    const unsubscribe = subscribeField(control, name, sync);
    return () => {
      unsubscribe();
      // A cell of a table keeps its value while rows are added, removed or moved (react-hook-form's action flag).
      if (!arrayCell || !fieldArrayMoving(control)) control.unregister(name);
    };
  }, [control, name]);

  const onChange = useCallback(
    (e: unknown) => {
      if (!isRegistered(control, name)) registered.current = { name, props: control.register(name, { value: eventValue(e) }) };
      const changed = registered.current!.props.onChange({ target: { value: eventValue(e), name }, type: 'change' });
      // A message put on a field not yet left (when its table row or a neighbour was checked) goes as soon as the
      // value is right, not at blur: at blur the form shrinks under the pointer and the 提交 being tapped is missed.
      if (!fieldError(control, name)) return changed;
      return Promise.resolve(changed).then(() => trigger(name));
    },
    [control, name, trigger],
  );
  const onBlur = useCallback(() => {
    const value = formValue(control, name);
    if (!isRegistered(control, name)) registered.current = { name, props: control.register(name, { value }) };
    return registered.current!.props.onBlur({ target: { value, name }, type: 'blur' });
  }, [control, name]);
  // Lets react-hook-form focus the first field in error after a submit, when the widget takes a ref.
  const ref = useCallback((el: FocusTarget | null) => setFocusTarget(control, name, el), [control, name]);

  return { value: state.value, onChange, onBlur, ref, error: state.error, disabled: readonly || disabledByRule };
}

function structuredCloneSafe<T>(value: T): T {
  return value && typeof value === 'object' ? JSON.parse(JSON.stringify(value)) : value;
}
