import type { FormDefinition, JsonSchema, UiElement } from '../definition';

/**
 * A synthetic large form for benchmarks and speed tests: `fields` scalar fields of mixed kinds plus one
 * table (4 columns) with `rows` rows of data. Only standard keywords and formats, so other validators
 * (the stock @hookform/resolvers ajv resolver, @rjsf/validator-ajv8) can run the same schema.
 */
export function largeForm(fields = 196, rows = 50): { definition: FormDefinition; data: Record<string, unknown> } {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const data: Record<string, unknown> = {};
  const controls: UiElement[] = [];
  for (let i = 0; i < fields; i++) {
    const name = `f${i}`;
    switch (i % 5) {
      case 0:
        properties[name] = { type: 'string', title: `文本 ${i}`, minLength: 1, maxLength: 50 };
        data[name] = `值${i}`;
        break;
      case 1:
        properties[name] = { type: 'integer', title: `数量 ${i}`, minimum: 0, maximum: 1000 };
        data[name] = i;
        break;
      case 2:
        properties[name] = { type: 'string', title: `选项 ${i}`, enum: ['a', 'b', 'c', 'd'] };
        data[name] = 'b';
        break;
      case 3:
        properties[name] = { type: 'string', title: `日期 ${i}`, format: 'date' };
        data[name] = '2026-09-01';
        break;
      default:
        properties[name] = { type: 'string', title: `电话 ${i}`, pattern: '^1[3-9]\\d{9}$' };
        data[name] = '13912345678';
    }
    if (i % 3 === 0) required.push(name);
    controls.push({ type: 'Control', scope: `#/properties/${name}` });
  }
  properties.rows = {
    type: 'array',
    title: '明细',
    items: {
      type: 'object',
      required: ['name', 'amount'],
      properties: {
        name: { type: 'string', title: '姓名', minLength: 2 },
        amount: { type: 'number', title: '金额', minimum: 0 },
        kind: { type: 'string', title: '类别', enum: ['x', 'y', 'z'] },
        date: { type: 'string', title: '日期', format: 'date' },
      },
    },
  };
  data.rows = Array.from({ length: rows }, (_, r) => ({ name: `学生${r}`, amount: r * 10, kind: 'y', date: '2026-10-01' }));
  controls.push({ type: 'Control', scope: '#/properties/rows' });
  return {
    definition: {
      key: `bench-${fields}-${rows}`,
      version: 1,
      title: { zh: '性能测试表单', en: 'Benchmark form' },
      schema: { type: 'object', required, properties },
      uiSchema: { type: 'VerticalLayout', elements: controls },
    },
    data,
  };
}
