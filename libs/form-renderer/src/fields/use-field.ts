import { useCallback, useContext, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { get, set, useFormContext, type Control } from 'react-hook-form';
import { DisabledContext } from '../form-context';

// On the server (print previews, tests) layout effects warn; there is nothing to lay out anyway.
const useIsoLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

interface FieldSnapshot {
  value: any;
  error?: string;
}

/** react-hook-form's get, without parsing the path for a top-level name (most fields of a large form). */
function at(values: any, name: string): any {
  return name.includes('.') ? get(values, name) : values?.[name];
}

function snapshot(control: Control, name: string): FieldSnapshot {
  const error: any = at(control._formState.errors, name);
  return { value: snapshotValue(control, name), error: error?.message ?? error?.root?.message };
}

function snapshotValue(control: Control, name: string): unknown {
  const value = at(control._formValues, name);
  return value === undefined ? at(control._defaultValues, name) : value;
}

/** A value from an input event, or the value itself (antd widgets call onChange with values). */
function eventValue(e: any): unknown {
  if (e && typeof e === 'object' && !Array.isArray(e) && e.target && typeof e.target === 'object') {
    return e.target.type === 'checkbox' ? e.target.checked : e.target.value;
  }
  return e;
}

/** "rows.3.name" is a cell of the field array "rows" (react-hook-form keeps such fields through row moves). */
function inFieldArray(control: Control, name: string): boolean {
  const cut = name.search(/\.\d+(\.|$)/);
  return cut > 0 && control._names.array.has(name.substring(0, cut));
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
  const { control } = useFormContext();
  const disabledByRule = useContext(DisabledContext);
  const [state, setState] = useState(() => snapshot(control, name));

  const registered = useRef<{ name: string; props: ReturnType<Control['register']> } | null>(null);
  if (registered.current?.name !== name) {
    registered.current = { name, props: control.register(name, { value: snapshotValue(control, name) }) };
  }

  // One effect per field (a 500-field form mounts 500 of them): registration, then the subscription.
  useIsoLayoutEffect(() => {
    const arrayCell = inFieldArray(control, name);
    // As useController with shouldUnregister: the value stays in the form while the field is mounted.
    const value = get(control._defaultValues, name);
    if (get(control._formValues, name) === undefined && value !== undefined) set(control._formValues, name, structuredCloneSafe(value));
    // Registered while rendering; again only if an unmount in between (StrictMode, a row move) unregistered it.
    if (!arrayCell && !get(control._fields, name)) control.register(name);
    const field: any = get(control._fields, name);
    if (field?._f) field._f.mount = true;

    const sync = () =>
      setState((prev) => {
        const next = snapshot(control, name);
        return Object.is(prev.value, next.value) && prev.error === next.error ? prev : next;
      });
    sync(); // anything that changed between the render and the subscription
    const unsubscribe = control._subscribe({ name, exact: true, formState: { values: true, errors: true }, callback: sync });
    return () => {
      unsubscribe();
      // A cell of a table keeps its value while rows are added, removed or moved (react-hook-form's action flag).
      if (!arrayCell || !control._state.action) control.unregister(name);
    };
  }, [control, name]);

  const onChange = useCallback(
    (e: unknown) => {
      if (!get(control._fields, name)) registered.current = { name, props: control.register(name, { value: eventValue(e) }) };
      return registered.current!.props.onChange({ target: { value: eventValue(e), name }, type: 'change' });
    },
    [control, name],
  );
  const onBlur = useCallback(() => {
    const value = get(control._formValues, name);
    if (!get(control._fields, name)) registered.current = { name, props: control.register(name, { value }) };
    return registered.current!.props.onBlur({ target: { value, name }, type: 'blur' });
  }, [control, name]);
  // Lets react-hook-form focus the first field in error after a submit, when the widget takes a ref.
  const ref = useCallback(
    (el: any) => {
      const field: any = get(control._fields, name);
      if (field?._f && el)
        field._f.ref = {
          focus: () => el.focus?.(),
          select: () => el.select?.(),
          setCustomValidity: () => undefined,
          reportValidity: () => true,
        };
    },
    [control, name],
  );

  return { value: state.value, onChange, onBlur, ref, error: state.error, disabled: readonly || disabledByRule };
}

function structuredCloneSafe<T>(value: T): T {
  return value && typeof value === 'object' ? JSON.parse(JSON.stringify(value)) : value;
}
