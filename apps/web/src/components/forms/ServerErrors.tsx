import { Alert } from 'antd';

/** One entry of a 400 answer's details: the field's path, its caption, and what is wrong. */
export interface FieldProblem {
  field?: string;
  label?: string;
  message: string;
}

export function fieldProblems(details: unknown): FieldProblem[] {
  if (!Array.isArray(details)) return [];
  return details.filter((d): d is FieldProblem => !!d && typeof d === 'object' && typeof (d as FieldProblem).message === 'string');
}

/**
 * The server's field errors beside the form. The renderer validates with the same validator, so these only
 * appear when the server knows more than the browser (e.g. a rule over data from earlier steps).
 */
export function ServerErrors({ title, problems }: { title: string; problems: FieldProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="server-field-errors"
      message={title}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {problems.map((p, i) => (
            <li key={i}>
              {(p.label ?? p.field) ? <strong>{p.label ?? p.field}：</strong> : null}
              {p.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}
