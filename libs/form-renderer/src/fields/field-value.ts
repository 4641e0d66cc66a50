/**
 * The form holds JSON whose shape the schema gives and the server checks, not the widget: data opened from
 * the server or an import may hold anything. Widgets narrow it here to what their inputs take, and show
 * nothing for a value of another kind (the validation message says what is wrong with it).
 */

/** An input's text: a string as it is, a number as its digits. */
export function textValue(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** A number input's value (antd's InputNumber also reads numeric strings). */
export function numberValue(value: unknown): number | string | null {
  return typeof value === 'number' || typeof value === 'string' ? value : null;
}

/** The chosen values of a multi-choice widget. */
export function listValue(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A date, time or date-time as stored (ISO text), or undefined. */
export function dateText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * An enum value as antd's option value. antd types these as string | number; the other JSON scalars an enum
 * may hold (true, false, null) are compared by identity the same way at runtime.
 */
export function optionValue(value: unknown): string | number {
  return value as string | number;
}
