import * as fs from 'fs';
import * as path from 'path';
import { renderToStaticMarkup } from 'react-dom/server';
import { makeResidentId } from '@kcbx/cn-codes';
import { importFormJs, importJsonForms, importRjsf, parseFormDefinition, safeKey, type FormDefinition } from '@kcbx/forms';
import { describeWithCorpus } from '@kcbx/test-corpora';
import { FormRenderer } from './form-renderer';

/**
 * Server-side rendering (react-dom/server, no browser here) of every fixture in every mode: the renderer
 * mounts the real antd widgets and react-hook-form, rules decide what appears, permissions hide fields.
 */
const FIXTURES = path.join(__dirname, '../../forms/test/fixtures');

function studentReturn(): FormDefinition {
  const text = fs.readFileSync(path.join(FIXTURES, 'definitions/student-return.form.json'), 'utf8');
  const result = parseFormDefinition(text, 'student-return.form.json');
  if (!result.ok) throw new Error('fixture invalid');
  return result.definition;
}

const data = {
  name: '马小花',
  residentId: makeResidentId('640422', '2011-05-02', 31, 'female'),
  birthDate: '2011-05-02',
  sex: 'female',
  reason: 'family',
  guardians: [{ name: '马建国', relation: 'father', phone: '13995412345' }],
};

describe('FormRenderer', () => {
  it('renders labels, derived ID facts and table rows in Chinese', () => {
    const html = renderToStaticMarkup(<FormRenderer definition={studentReturn()} data={data} onSubmit={() => undefined} />);
    expect(html).toContain('学生信息');
    expect(html).toContain('身份证号');
    expect(html).toContain('出生日期 2011-05-02 · 女');
    expect(html).toContain('马建国');
    expect(html).toContain('添加一行');
    expect(html).toContain('提交');
  });

  it('shows a field only while its rule holds', () => {
    const hidden = renderToStaticMarkup(<FormRenderer definition={studentReturn()} data={data} />);
    expect(hidden).not.toContain('data-field="otherReason"');
    const shown = renderToStaticMarkup(<FormRenderer definition={studentReturn()} data={{ ...data, reason: 'other' }} />);
    expect(shown).toContain('data-field="otherReason"');
  });

  it('hides fields the step hides and disables read-only ones', () => {
    const html = renderToStaticMarkup(
      <FormRenderer definition={studentReturn()} data={data} permissions={{ reviewerComment: 'hidden', name: 'readonly' }} />,
    );
    expect(html).not.toContain('data-field="reviewerComment"');
    expect(html).toMatch(/<input[^>]*id="name"[^>]*disabled/);
  });

  it('uses English labels and messages for locale en', () => {
    const html = renderToStaticMarkup(<FormRenderer definition={studentReturn()} data={data} locale="en" onSubmit={() => undefined} />);
    expect(html).toContain('Resident ID');
    expect(html).toContain('born 2011-05-02 · female');
    expect(html).toContain('Submit');
  });

  it('prints an A4 sheet with values as text and a stamp line', () => {
    const html = renderToStaticMarkup(<FormRenderer definition={studentReturn()} data={data} mode="print" />);
    expect(html).toContain('<h1>劝返学生登记表</h1>');
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('SimSun');
    expect(html).toContain('139 9541 2345');
    expect(html).toContain('单位盖章');
    expect(html).not.toContain('<input');
  });

  it('renders review mode without a submit button', () => {
    const html = renderToStaticMarkup(<FormRenderer definition={studentReturn()} data={data} mode="review" onSubmit={() => undefined} />);
    expect(html).not.toContain('提交');
    expect(html).toMatch(/<input[^>]*id="residentId"[^>]*disabled/);
  });

  const read = (dir: string) =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f, JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))] as const);
  const imported: Array<[string, FormDefinition, unknown]> = [
    ...read(path.join(FIXTURES, 'rjsf')).map(([f, s]) => {
      const r = importRjsf(s, { key: `rjsf-${f}`.replace('.json', '') });
      return [f, r.definition, r.data] as [string, FormDefinition, unknown];
    }),
    ...read(path.join(FIXTURES, 'form-js')).map(
      ([f, s]) => [f, importFormJs(s, { key: `formjs-${f}`.replace('.json', '') }).definition, {}] as [string, FormDefinition, unknown],
    ),
  ];

  it.each(imported)('renders the imported fixture %s in edit and print mode', (_name, definition, sample) => {
    const sampleData = (sample && typeof sample === 'object' ? sample : {}) as Record<string, unknown>;
    expect(renderToStaticMarkup(<FormRenderer definition={definition} data={sampleData} />)).toContain('kcbx-form');
    expect(renderToStaticMarkup(<FormRenderer definition={definition} data={sampleData} mode="print" />)).toContain('kcbx-print');
  });
});

// The JSON Forms corpus lives in shared/ beside the checkout: found through the one corpus helper, reported by name when absent.
describeWithCorpus('forms/jsonforms', 'imported JSON Forms corpus renders', (dir) => {
  const imported = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const r = importJsonForms(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')), {
        key: safeKey(`jsonforms-${f.replace('.json', '')}`),
      });
      return [`jsonforms/${f}`, r.definition, r.data] as [string, FormDefinition, unknown];
    });

  it.each(imported)('renders %s in edit and print mode', (_name, definition, sample) => {
    const sampleData = (sample && typeof sample === 'object' ? sample : {}) as Record<string, unknown>;
    expect(renderToStaticMarkup(<FormRenderer definition={definition} data={sampleData} />)).toContain('kcbx-form');
    expect(renderToStaticMarkup(<FormRenderer definition={definition} data={sampleData} mode="print" />)).toContain('kcbx-print');
  });
});
