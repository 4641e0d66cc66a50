import { renderToStaticMarkup } from 'react-dom/server';
import type { FormDefinition } from '@kcbx/forms';
import { fieldKind } from './field-kind';
import { FormRenderer } from './form-renderer';

/** The persuasion visit's shape: a yes/no question that must be answered, a table, a few plain fields. */
const visit: FormDefinition = {
  key: 'answers-spec',
  version: 1,
  title: { zh: '劝返工作记录', en: 'Persuasion visit record' },
  schema: {
    type: 'object',
    required: ['returned', 'cause'],
    properties: {
      returned: { type: 'boolean', title: '学生是否已返校' },
      informed: { type: 'boolean', title: '已告知家长' },
      cause: { type: 'string', enum: ['poverty', 'other'], title: '辍学原因' },
      note: { type: 'string', title: '情况说明' },
      visitDate: { type: 'string', format: 'date', title: '走访日期' },
      count: { type: 'integer', title: '次数' },
      sign: { type: 'string', title: '签名' },
      visits: {
        type: 'array',
        items: {
          type: 'object',
          properties: { visitors: { type: 'string', title: '走访人员' }, phone: { type: 'boolean', title: '电话' } },
        },
      },
    },
  },
  uiSchema: {
    type: 'VerticalLayout',
    elements: [
      { type: 'Control', scope: '#/properties/returned' },
      { type: 'Control', scope: '#/properties/informed' },
      { type: 'Control', scope: '#/properties/cause', options: { format: 'radio' } },
      { type: 'Control', scope: '#/properties/note' },
      { type: 'Control', scope: '#/properties/visitDate' },
      { type: 'Control', scope: '#/properties/count' },
      { type: 'Control', scope: '#/properties/sign', options: { widget: 'signature' } },
      { type: 'Control', scope: '#/properties/visits' },
    ],
  },
};

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

function attrs(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

/** Every form control in the markup and the name a screen reader (and axe's "label" rule) would find for it. */
function accessibleNames(html: string): Array<{ tag: string; name: string | undefined }> {
  const labelFor = new Map(
    [...html.matchAll(/<label[^>]*\bfor="([^"]+)"[^>]*>(.*?)<\/label>/g)].map((m) => [m[1], m[2].replace(/<[^>]+>/g, '')]),
  );
  const out: Array<{ tag: string; name: string | undefined }> = [];
  for (const m of html.matchAll(/<(input|textarea|select)\b[^>]*>/g)) {
    const a = attrs(m[0]);
    if (a.type === 'hidden' || a.type === 'file') continue;
    // a radio or checkbox inside its own caption (<label><input/> 是</label>) is named by the caption
    const wrapped = /radio|checkbox/.test(a.type ?? '') && /<label[^>]*>(?:(?!<\/label>).)*$/s.test(html.slice(0, m.index)) && !a.id;
    out.push({ tag: m[0], name: a['aria-label'] || labelFor.get(a.id ?? '') || (wrapped ? 'caption' : undefined) });
  }
  return out;
}

describe('yes/no questions', () => {
  it('given a boolean the form requires, when chosen, then the widget is 是 / 否; an optional boolean stays a checkbox', () => {
    expect(fieldKind({ type: 'boolean' }, {}, { required: true })).toBe('yes-no');
    expect(fieldKind({ type: 'boolean' }, {})).toBe('checkbox');
    expect(fieldKind({ type: 'boolean' }, { toggle: true }, { required: true })).toBe('switch');
  });

  it('given a required yes/no question not yet answered, when the form opens, then 是 and 否 are shown with neither chosen', () => {
    const html = renderToStaticMarkup(<FormRenderer definition={visit} onSubmit={() => undefined} />);
    const field = /data-field="returned".*?<\/div><\/div><\/div>/s.exec(html)?.[0] ?? '';
    expect(field).toContain('role="radiogroup"');
    expect(field).toContain('aria-label="学生是否已返校"');
    expect(field).toMatch(/是.*否/s);
    expect(field).not.toContain('checked');
  });

  it('given the answer 否 (false), when the form opens again, then 否 is the chosen answer', () => {
    const html = renderToStaticMarkup(<FormRenderer definition={visit} data={{ returned: false }} onSubmit={() => undefined} />);
    const field = /data-field="returned".*?<\/div><\/div><\/div>/s.exec(html)?.[0] ?? '';
    expect(field).toMatch(/ant-radio-wrapper-checked[^>]*>(?:(?!<\/label>).)*否/s);
    expect(renderToStaticMarkup(<FormRenderer definition={visit} data={{ returned: false }} mode="print" />)).toMatch(
      /学生是否已返校<\/span><span class="kcbx-print-value">否/,
    );
  });
});

describe('labels are linked to their inputs', () => {
  it('given every plain field kind and a table row, when rendered, then every input has an accessible name', () => {
    const html = renderToStaticMarkup(
      <FormRenderer definition={visit} data={{ visits: [{ visitors: '马老师' }] }} onSubmit={() => undefined} />,
    );
    const inputs = accessibleNames(html);
    expect(inputs.length).toBeGreaterThan(6);
    expect(inputs.filter((i) => !i.name).map((i) => i.tag)).toEqual([]);
    expect(html).toMatch(/<label class="kcbx-field-label" for="note">情况说明<\/label>/);
    expect(html).toMatch(
      /<input[^>]*aria-label="走访人员"[^>]*id="visits.0.visitors"|<input[^>]*id="visits.0.visitors"[^>]*aria-label="走访人员"/,
    );
  });
});

describe('signatures', () => {
  it('given a PNG drawn on the pad, when printed, then it is shown as the image', () => {
    const html = renderToStaticMarkup(<FormRenderer definition={visit} data={{ sign: PNG }} mode="print" />);
    expect(html).toContain(`src="${PNG}"`);
  });

  it('given a stored link to another address, when printed, then no image points at it', () => {
    const html = renderToStaticMarkup(<FormRenderer definition={visit} data={{ sign: 'https://evil.example/t.png' }} mode="print" />);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('evil.example');
    expect(html).toContain('（签名无效）');
  });
});
