import { createFormControl, get, type Field } from 'react-hook-form';
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
} from './rhf-adapter';

/**
 * The contract rhf-adapter.ts relies on: each internal of react-hook-form it touches, exercised on the
 * installed version with a real form control (no React needed). An upgrade that renames or reshapes one of
 * them fails here, naming it, before a form misbehaves.
 */
function form(defaultValues: Record<string, unknown>) {
  // As <FormRenderer> makes it: fields not shown are dropped from the values.
  return createFormControl({ defaultValues, shouldUnregister: true });
}

describe('react-hook-form internals used by the renderer', () => {
  it('given a form opened with data, when a field registers with its default, then the value is in the form (_formValues, _defaultValues)', () => {
    const { control } = form({ name: '马小花' });
    expect(formValue(control, 'name')).toBeUndefined(); // shouldUnregister: nothing until a field registers
    control.register('name', { value: defaultValue(control, 'name') });
    expect(formValue(control, 'name')).toBe('马小花');
    expect(isRegistered(control, 'name')).toBe(true);
  });

  it('given a pre-filled field, when it is emptied through its change handler, then the form value is gone and the default is untouched', () => {
    const { control } = form({ name: '马小花' });
    const props = control.register('name', { value: '马小花' });
    void props.onChange({ target: { name: 'name', value: undefined }, type: 'change' });
    expect(formValue(control, 'name')).toBeUndefined();
    expect(defaultValue(control, 'name')).toBe('马小花');
  });

  it('given a nested name, when seeded, then the value sits at that path', () => {
    const { control } = form({});
    seedValue(control, 'rows.0.name', '马建国');
    expect(formValue(control, 'rows.0.name')).toBe('马建国');
  });

  it('given a field error, when read, then its message is found (_formState.errors), also on an object', () => {
    const f = form({});
    f.control.register('name');
    f.setError('name', { type: 'required', message: '请填写“姓名”' });
    expect(fieldError(f.control, 'name')).toBe('请填写“姓名”');
    f.setError('guardians.root', { type: 'minItems', message: '至少填写 1 项' });
    expect(fieldError(f.control, 'guardians')).toBe('至少填写 1 项');
  });

  it('given a field, when its value or error changes, then its subscription (_subscribe) calls back', () => {
    const f = form({});
    f.control.register('name');
    const calls: number[] = [];
    const unsubscribe = subscribeField(f.control, 'name', () => calls.push(1));
    f.setValue('name', '马');
    f.setError('name', { type: 'x', message: 'y' });
    expect(calls.length).toBeGreaterThanOrEqual(2);
    unsubscribe();
    const before = calls.length;
    f.setValue('name', '马小花');
    expect(calls.length).toBe(before);
  });

  it('given a registered field, when marked mounted and given a focus target, then setFocus reaches the widget (_fields._f)', async () => {
    const f = form({});
    f.control.register('name');
    markMounted(f.control, 'name');
    const field: Field | undefined = get(f.control._fields, 'name');
    expect(field?._f.mount).toBe(true);
    const focused: string[] = [];
    setFocusTarget(f.control, 'name', { focus: () => focused.push('name') });
    f.setFocus('name');
    await new Promise((resolve) => setTimeout(resolve, 0)); // react-hook-form focuses on the next tick
    expect(focused).toEqual(['name']);
  });

  it('given a field array, when its cells are asked about, then _names.array and _state.action tell cells and moves apart', () => {
    const { control } = form({ rows: [{ name: '马' }] });
    expect(control._names.array).toBeInstanceOf(Set);
    control._names.array.add('rows');
    expect(isFieldArrayCell(control, 'rows.0.name')).toBe(true);
    expect(isFieldArrayCell(control, 'other.0.name')).toBe(false);
    expect(isFieldArrayCell(control, 'rows')).toBe(false);
    expect(typeof control._state.action).toBe('boolean');
    expect(fieldArrayMoving(control)).toBe(false);
    control._state.action = true;
    expect(fieldArrayMoving(control)).toBe(true);
  });
});
