import type { ReactNode } from 'react';

export interface FieldFrameProps {
  label?: string;
  required?: boolean;
  error?: string;
  help?: string;
  children: ReactNode;
  /** For tests and the print stylesheet. */
  name: string;
  /** The id of the input the label names (clicking the label focuses it; screen readers read it). */
  htmlFor?: string;
}

/** Label, the widget, help text and the error under it — the same frame for every field. */
export function FieldFrame({ label, required, error, help, children, name, htmlFor }: FieldFrameProps) {
  return (
    <div className={`kcbx-field${error ? ' kcbx-field-error' : ''}`} data-field={name}>
      {label !== undefined && (
        <label className="kcbx-field-label" htmlFor={htmlFor}>
          {required && <span className="kcbx-required-mark">*</span>}
          {label}
        </label>
      )}
      {children}
      {help && !error && <div className="kcbx-field-help">{help}</div>}
      {error && (
        <div className="kcbx-field-message" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
