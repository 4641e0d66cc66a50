import * as fs from 'fs';
import * as path from 'path';
import { validateSubmission, valueAt, type FormDefinition, type JsonSchemaObject } from '@kcbx/forms';
import { tableColumns } from './table-columns';
import { rowsFromSheet } from './table-import';

const repo = path.join(__dirname, '..', '..', '..');
const batch = JSON.parse(fs.readFileSync(path.join(repo, 'forms/rectification-batch.form.json'), 'utf8')) as FormDefinition;
const itemsSchema = valueAt(batch.schema, '/properties/items') as JsonSchemaObject;

/** The sample CSV's rows as the API hands them over (header → text), read the simple way: no quoted commas but the first cell. */
function sampleSheet() {
  const [header, ...lines] = fs.readFileSync(path.join(repo, 'counties/640422/samples/feedback-problems.csv'), 'utf8').trim().split('\n');
  const heads = header.split(',');
  return lines.map((line) => {
    const m = /^"([^"]*)",(.*)$/.exec(line)!;
    const cells = [m[1], ...m[2].split(',')];
    return { cells: Object.fromEntries(heads.map((h, i) => [h, cells[i] ?? ''])) };
  });
}

describe('rowsFromSheet', () => {
  it('given the inspectorate feedback sheet, then each line becomes a batch item: headers by title, 校长 → principal', () => {
    const { rows, unmatched } = rowsFromSheet(sampleSheet(), tableColumns(batch.schema, itemsSchema), batch.schema, itemsSchema.items);
    expect(unmatched).toEqual([]);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({
      problem: '控辍保学台账与学籍系统数据不一致，2名学生状态未更新',
      unitCode: '64042210001',
      role: 'principal',
      responsiblePerson: '王校长',
      measures: '逐一核对学籍并更新台账',
      deadline: '2026-12-31',
    });
    expect(rows[1].role).toBe('township-official');
    // …and the form accepts the imported items as if typed.
    expect(validateSubmission(batch, { source: '2026年秋季督导反馈', items: rows }).valid).toBe(true);
  });

  it('given headers by key or English label, odd spacing, a number column and an unknown column, then known ones map and the rest is reported', () => {
    const root = {
      type: 'object',
      properties: {
        t: {
          type: 'array',
          items: {
            type: 'object',
            properties: { name: { type: 'string', title: '姓名' }, age: { type: 'integer' }, local: { type: 'boolean' } },
          },
        },
      },
    } satisfies JsonSchemaObject;
    const arr = root.properties.t;
    const columns = [...tableColumns(root, arr)];
    columns[1] = { ...columns[1], label: { zh: '年龄', en: 'Age' } };
    const { rows, unmatched } = rowsFromSheet(
      [{ cells: { ' 姓 名 ': '马小明', AGE: '9', local: '是', 备注: 'x' } }, { cells: { ' 姓 名 ': ' ', AGE: '', local: '', 备注: '' } }],
      columns,
      root,
      arr.items,
    );
    expect(rows).toEqual([{ name: '马小明', age: 9, local: true }]);
    expect(unmatched).toEqual(['备注']);
  });
});
