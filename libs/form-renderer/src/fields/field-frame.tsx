import type { ReactNode } from 'react';

export interface FieldFrameProps {
  label?: string;
  required?: boolean;
  error?: string;
  help?: string;
  children: ReactNode;
  /** For tests and the print stylesheet. */
  name: string;
}

/** Label, the widget, help text and the error under it — the same frame for every field. */
export function FieldFrame({ label, required, error, help, children, name }: FieldFrameProps) {
  return (
    <div className={`kcbx-field${error ? ' kcbx-field-error' : ''}`} data-field={name} style={{ marginBottom: 16 }}>
      {label !== undefined && (
        <label className="kcbx-field-label" style={{ display: 'block', marginBottom: 4 }}>
          {required && <span style={{ color: '#ff4d4f', marginRight: 4 }}>*</span>}
          {label}
        </label>
      )}
      {children}
      {help && !error && <div className="kcbx-field-help" style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{help}</div>}
      {error && (
        <div className="kcbx-field-message" role="alert" style={{ color: '#ff4d4f', fontSize: 12 }}>
          {error}
        </div>
      )}
    </div>
  );
}
