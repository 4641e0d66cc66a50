import { useContext } from 'react';
import { useController } from 'react-hook-form';
import { DisabledContext } from '../form-context';

/**
 * One field's value and error. useController subscribes this component alone, so typing in a field
 * re-renders that field, not the form.
 */
export function useField(name: string, readonly = false) {
  const { field, fieldState } = useController({ name });
  const disabledByRule = useContext(DisabledContext);
  return {
    value: field.value,
    onChange: field.onChange,
    onBlur: field.onBlur,
    ref: field.ref,
    error: fieldState.error?.message,
    disabled: readonly || disabledByRule,
  };
}
