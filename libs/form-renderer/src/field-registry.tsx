import { createContext, useContext, type ComponentType } from 'react';
import type { ControlElement, UiElement } from '@kcbx/forms';
import type { ScopeBase } from './form-context';

export interface ControlFieldProps {
  control: ControlElement;
  base: ScopeBase;
  /** Inside a table cell: no label shown, the column header says it (the input still carries it for screen readers). */
  compact?: boolean;
}

/**
 * The components that render elements and fields, handed down by <FormRenderer>. Layouts contain fields and
 * some fields (tables, nested objects) contain layouts and fields again; taking the containers from here
 * rather than importing them keeps the module graph a tree (layout → field → table, never back).
 */
export interface FieldRegistry {
  ElementView: ComponentType<{ element: UiElement; base: ScopeBase }>;
  ControlField: ComponentType<ControlFieldProps>;
}

export const FieldRegistryContext = createContext<FieldRegistry | null>(null);

export function useFieldRegistry(): FieldRegistry {
  const registry = useContext(FieldRegistryContext);
  if (!registry) throw new Error('form fields must be rendered inside <FormRenderer>');
  return registry;
}
