import { createContext, useContext } from 'react';
import type { RegionIndex, RegionNode } from '@kcbx/cn-codes';
import type { FormDefinition, JsonSchema, PermissionEntry, StoredFile } from '@kcbx/forms';
import type { FormValidators } from '@kcbx/forms';
import type { FirstScreen } from './near-viewport';
import type { RegionSource } from './region-source';
import type { SheetRows } from './table-import';

export type RenderMode = 'edit' | 'review' | 'print';
export type Locale = 'zh-CN' | 'en';

/** What every field needs and nothing re-renders for: set once per form. */
export interface FormEnv {
  definition: FormDefinition;
  mode: RenderMode;
  locale: Locale;
  permissions: PermissionEntry[];
  validators: FormValidators;
  regionTree?: RegionNode[];
  regions?: RegionIndex;
  /** Divisions loaded level by level from the server (used when no whole tree is given). */
  regionSource?: RegionSource;
  upload?: (file: File) => Promise<StoredFile>;
  readSheet?: (file: File) => Promise<SheetRows>;
  /** A large form: widgets mount as they come near the window (see near-viewport.ts). */
  deferWidgets: boolean;
  /** What is left of the first screen for chunks of a large form to claim (see near-viewport.ts). */
  firstScreen?: FirstScreen;
}

export const FormEnvContext = createContext<FormEnv | null>(null);

export function useFormEnv(): FormEnv {
  const env = useContext(FormEnvContext);
  if (!env) throw new Error('form fields must be rendered inside <FormRenderer>');
  return env;
}

/** Where a layout sits in the data: the field-name prefix and the schema its scopes are relative to. */
export interface ScopeBase {
  name: string;
  schema: JsonSchema | undefined;
  /** Nesting depth of objects and tables; recursive schemas stop at MAX_DEPTH. */
  depth?: number;
  /** Schemas of the enclosing objects/tables (as JSON): a recursive schema stops where it repeats. */
  ancestors?: string[];
}

export const MAX_DEPTH = 4;

/** Whether nesting should stop here, and the base for the level below if not. */
export function nestedBase(base: ScopeBase, name: string, schema: JsonSchema | undefined): ScopeBase | undefined {
  const depth = base.depth ?? 0;
  const key = JSON.stringify(schema);
  if (depth >= MAX_DEPTH || base.ancestors?.includes(key)) return undefined;
  return { name, schema, depth: depth + 1, ancestors: [...(base.ancestors ?? []), key] };
}

export const DisabledContext = createContext(false);

export function t(locale: Locale, zh: string, en: string): string {
  return locale === 'en' ? en : zh;
}
