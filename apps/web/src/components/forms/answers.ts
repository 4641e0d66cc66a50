import { listControls, textIn, valueAt, type FormDefinition } from '@kcbx/forms';
import { displayValue, fieldKind } from '@kcbx/form-renderer';

/** One answer of a submitted form as text: what was asked and what was answered. */
export interface Answer {
  path: string;
  label: string;
  text: string;
  /** Rows of a table question, each as its own label: value pairs. */
  rows?: Answer[][];
}

type Lang = 'zh-CN' | 'en';
type Schema = Record<string, unknown> & { title?: string; properties?: Record<string, Schema>; items?: Schema };

function objectAnswers(schema: Schema | undefined, value: unknown, lang: Lang, base: string): Answer[] {
  const props = schema?.properties ?? {};
  const record = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return Object.entries(props).map(([key, s]) => ({
    path: `${base}/${key}`,
    label: typeof s.title === 'string' ? s.title : key,
    text: displayValue(fieldKind(s), s, record[key], { locale: lang, maskIds: true }),
  }));
}

/**
 * The form's questions in the order the form shows them, each with its answer as text (是/否, option labels,
 * dates, masked ID numbers), for reading a step that is done and for the archive copy — never an input box.
 */
export function answersOf(definition: FormDefinition, data: Record<string, unknown>, lang: Lang): Answer[] {
  const locale = lang === 'en' ? 'en' : 'zh';
  return listControls(definition)
    .filter((c) => !c.path.includes('*'))
    .map(({ control, path, schema, label }) => {
      const value = valueAt(data, path);
      const options = (control.options ?? {}) as Record<string, unknown>;
      const kind = fieldKind(schema, options);
      const answer: Answer = { path, label: textIn(label, locale) ?? path, text: '' };
      if (kind === 'table' || kind === 'list') {
        answer.rows = Array.isArray(value)
          ? value.map((row, i) => objectAnswers((schema as Schema)?.items, row, lang, `${path}/${i}`))
          : [];
      } else if (kind === 'object') {
        answer.rows = [objectAnswers(schema as Schema, value, lang, path)];
      } else {
        answer.text = displayValue(kind, schema, value, {
          locale: lang,
          labels: options.labels as Record<string, string | { zh: string; en: string }> | undefined,
          maskIds: true,
        });
      }
      return answer;
    });
}
