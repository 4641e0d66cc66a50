import { checkDefinition, validateFormData, type FormDefinition } from '@kcbx/forms';
import {
  addField,
  addLayout,
  emptyDefinition,
  fieldChanges,
  fieldIssues,
  FIELD_KINDS,
  locateIssue,
  moveElement,
  optionsOf,
  removeElement,
  renameField,
  updateField,
  updateLayout,
  addNote,
  updateNote,
  setTableColumns,
  tableColumnsOf,
} from './index';

const blank = () => emptyDefinition('home-visit', { zh: '家访记录', en: 'Home visit' });
const elementTypes = (def: FormDefinition) => JSON.stringify(def.uiSchema, (k, v) => (k === 'label' || k === 'options' ? undefined : v));

describe('building a form from the palette', () => {
  it('every palette kind makes a definition the checker accepts', () => {
    let def = blank();
    for (const kind of FIELD_KINDS) def = addField(def, kind, { container: [], index: 99 }).definition;
    expect(checkDefinition(def)).toEqual([]);
    expect(Object.keys(def.schema.properties ?? {})).toHaveLength(FIELD_KINDS.length);
  });

  it('given a text field, when it is labelled and made required, then empty data fails and filled data passes', () => {
    const { definition, path } = addField(blank(), 'text', { container: [], index: 0 }, 'studentName');
    const def = updateField(definition, path, { label: { zh: '学生姓名', en: 'Student name' }, required: true, schema: { maxLength: 4 } });
    expect(checkDefinition(def)).toEqual([]);
    expect(validateFormData(def, {}).errors.map((e) => e.path)).toEqual(['/studentName']);
    expect(validateFormData(def, { studentName: '张小明明明' }).errors[0].keyword).toBe('maxLength');
    expect(validateFormData(def, { studentName: '张小明' }).valid).toBe(true);
    // the input is not changed: edits are values
    expect(definition.schema.required).toBeUndefined();
  });

  it('nests a field into a group and moves it back out, keeping the other elements in order', () => {
    let def = addField(blank(), 'text', { container: [], index: 0 }, 'a').definition;
    def = addLayout(def, 'Group', { container: [], index: 1 }).definition;
    def = addField(def, 'date', { container: [], index: 2 }, 'b').definition;
    const nested = moveElement(def, [0], { container: [1], index: 0 })!;
    expect(nested.path).toEqual([0, 0]);
    expect(elementTypes(nested.definition)).toBe(
      '{"type":"VerticalLayout","elements":[{"type":"Group","elements":[{"type":"Control","scope":"#/properties/a"}]},{"type":"Control","scope":"#/properties/b"}]}',
    );
    const back = moveElement(nested.definition, [0, 0], { container: [], index: 2 })!;
    expect(back.path).toEqual([2]);
    expect(elementTypes(back.definition)).toContain(
      '{"type":"Group","elements":[]},{"type":"Control","scope":"#/properties/b"},{"type":"Control","scope":"#/properties/a"}',
    );
  });

  it('reorders within a layout (dropping below itself lands after the next element)', () => {
    let def = blank();
    for (const n of ['a', 'b', 'c']) def = addField(def, 'text', { container: [], index: 9 }, n).definition;
    const moved = moveElement(def, [0], { container: [], index: 2 })!;
    expect(moved.path).toEqual([1]);
    expect(moved.definition.uiSchema).toMatchObject({
      elements: [{ scope: '#/properties/b' }, { scope: '#/properties/a' }, { scope: '#/properties/c' }],
    });
  });

  it('names new fields after the highest number in use, so a renamed field_1 is not reused', () => {
    let def = addField(blank(), 'text', { container: [], index: 0 }).definition;
    def = addField(def, 'text', { container: [], index: 1 }).definition;
    def = renameField(def, [0], 'studentName') as FormDefinition;
    expect(addField(def, 'phone', { container: [], index: 2 }).name).toBe('field_3');
  });

  it('refuses to drop a layout into itself', () => {
    const def = addLayout(blank(), 'Group', { container: [], index: 0 }).definition;
    expect(moveElement(def, [0], { container: [0], index: 0 })).toBeUndefined();
  });

  it('moving an element out of an earlier sibling does not shift into the wrong layout', () => {
    let def = addLayout(blank(), 'Group', { container: [], index: 0 }).definition;
    def = addField(def, 'text', { container: [], index: 0 }, 'first').definition; // [0]=first, [1]=Group
    def = addField(def, 'text', { container: [1], index: 0 }, 'inner').definition;
    // move "first" into the group: the group shifts from [1] to [0]
    const moved = moveElement(def, [0], { container: [1], index: 1 })!;
    expect(moved.path).toEqual([0, 1]);
    expect(moved.definition.uiSchema).toMatchObject({
      elements: [{ type: 'Group', elements: [{ scope: '#/properties/inner' }, { scope: '#/properties/first' }] }],
    });
  });

  it('removing a group removes its fields from the schema and from required', () => {
    let def = addLayout(blank(), 'Group', { container: [], index: 0 }).definition;
    const added = addField(def, 'phone', { container: [0], index: 0 }, 'phone');
    def = updateField(added.definition, added.path, { required: true });
    def = addField(def, 'text', { container: [], index: 1 }, 'kept').definition;
    def = removeElement(def, [0]);
    expect(Object.keys(def.schema.properties ?? {})).toEqual(['kept']);
    expect(def.schema.required).toBeUndefined();
    expect(checkDefinition(def)).toEqual([]);
  });

  it('edits options with captions in both languages, and the data must be one of them', () => {
    const { definition, path } = addField(blank(), 'radio', { container: [], index: 0 }, 'reason');
    const def = updateField(definition, path, {
      options: [
        { value: 'work', label: { zh: '外出务工', en: 'Working away' } },
        { value: 'ill', label: { zh: '因病', en: 'Illness' } },
      ],
    });
    expect(optionsOf(def, path)).toEqual([
      { value: 'work', label: { zh: '外出务工', en: 'Working away' } },
      { value: 'ill', label: { zh: '因病', en: 'Illness' } },
    ]);
    expect(validateFormData(def, { reason: 'work' }).valid).toBe(true);
    expect(validateFormData(def, { reason: 'option1' }).valid).toBe(false);
  });

  it('a rule hides a field until another answers yes, and a hidden field is not required', () => {
    let def = addField(blank(), 'checkbox', { container: [], index: 0 }, 'dropped').definition;
    const r = addField(def, 'textarea', { container: [], index: 1 }, 'why');
    def = updateField(r.definition, r.path, {
      required: true,
      rule: { effect: 'SHOW', condition: { scope: '#/properties/dropped', schema: { const: true } } },
    });
    expect(checkDefinition(def)).toEqual([]);
    expect(validateFormData(def, { dropped: false }).valid).toBe(true);
    expect(validateFormData(def, { dropped: true }).errors.map((e) => e.path)).toEqual(['/why']);
  });

  it('renames a data key everywhere it is used, and refuses a taken or malformed name', () => {
    let def = addField(blank(), 'checkbox', { container: [], index: 0 }, 'field_1').definition;
    const r = addField(def, 'text', { container: [], index: 1 }, 'field_2');
    def = updateField(r.definition, r.path, {
      required: true,
      rule: { effect: 'SHOW', condition: { scope: '#/properties/field_1', schema: { const: true } } },
    });
    const renamed = renameField(def, [0], 'dropped') as FormDefinition;
    expect(Object.keys(renamed.schema.properties ?? {})).toEqual(['dropped', 'field_2']);
    expect(renamed.uiSchema).toMatchObject({
      elements: [{ scope: '#/properties/dropped' }, { rule: { condition: { scope: '#/properties/dropped' } } }],
    });
    expect(renameField(renamed, [1], 'dropped')).toEqual({ error: 'taken' });
    expect(renameField(renamed, [1], '1st')).toEqual({ error: 'invalid' });
  });

  it('a group caption can be set in both languages', () => {
    const { definition, path } = addLayout(blank(), 'Group', { container: [], index: 0 });
    const def = updateLayout(definition, path, { label: { zh: '监护人', en: 'Guardian' } });
    expect(def.uiSchema).toMatchObject({ elements: [{ type: 'Group', label: { zh: '监护人', en: 'Guardian' } }] });
  });
});

describe('notes', () => {
  it('static text sits between fields in both languages and holds no data', () => {
    let def = addField(blank(), 'text', { container: [], index: 0 }, 'a').definition;
    const note = addNote(def, { container: [], index: 0 });
    def = updateNote(note.definition, note.path, { zh: '请如实填写', en: 'Please answer truthfully' });
    expect(checkDefinition(def)).toEqual([]);
    expect(def.uiSchema).toMatchObject({
      elements: [{ type: 'Label', text: { zh: '请如实填写', en: 'Please answer truthfully' } }, { type: 'Control' }],
    });
    expect(Object.keys(def.schema.properties ?? {})).toEqual(['a']);
  });
});

describe('table fields', () => {
  it('columns are edited with captions and kinds, and each row is validated by them', () => {
    const { definition, path } = addField(blank(), 'table', { container: [], index: 0 }, 'family');
    expect(tableColumnsOf(definition, path)?.map((c) => c.name)).toEqual(['name', 'relation']);
    const def = setTableColumns(definition, path, [
      { name: 'name', label: { zh: '姓名', en: 'Name' }, kind: 'text' },
      { name: 'birthDate', label: { zh: '出生日期', en: 'Born' }, kind: 'date' },
    ]);
    expect(checkDefinition(def)).toEqual([]);
    expect(tableColumnsOf(def, path)).toEqual([
      { name: 'name', label: { zh: '姓名', en: 'Name' }, kind: 'text' },
      { name: 'birthDate', label: { zh: '出生日期', en: 'Born' }, kind: 'date' },
    ]);
    expect(validateFormData(def, { family: [{ name: '马玉兰', birthDate: '1990-03-01' }] }).valid).toBe(true);
    expect(validateFormData(def, { family: [{ name: '马玉兰', birthDate: '三月' }] }).errors.map((e) => e.path)).toEqual([
      '/family/0/birthDate',
    ]);
    expect(tableColumnsOf(def, [99])).toBeUndefined();
  });
});

describe('limits from the property panel', () => {
  it('a date field with an earliest date refuses earlier dates', () => {
    const { definition, path } = addField(blank(), 'date', { container: [], index: 0 }, 'returnDate');
    const def = updateField(definition, path, { schema: { formatMinimum: '2026-09-01' } });
    expect(checkDefinition(def)).toEqual([]);
    expect(validateFormData(def, { returnDate: '2026-09-01' }).valid).toBe(true);
    expect(validateFormData(def, { returnDate: '2026-08-31' }).valid).toBe(false);
  });
});

describe('placing problems at the field', () => {
  it('an empty English label is reported at that control', () => {
    let def = addLayout(blank(), 'Group', { container: [], index: 0 }).definition;
    const r = addField(def, 'text', { container: [0], index: 0 }, 'name');
    def = updateField(r.definition, r.path, { label: { zh: '姓名', en: '' } });
    const issues = checkDefinition(def);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.map((i) => locateIssue(def, i.path))).toContainEqual([0, 0]);
  });

  it('a schema pointer finds the control showing that property', () => {
    let def = addField(blank(), 'text', { container: [], index: 0 }, 'a').definition;
    def = addField(def, 'integer', { container: [], index: 1 }, 'age').definition;
    expect(locateIssue(def, '/schema/properties/age/maximum')).toEqual([1]);
    expect(locateIssue(def, '/title')).toBeUndefined();
  });
});

describe('comparing versions', () => {
  it('lists added, removed and changed fields', () => {
    let v1 = addField(blank(), 'text', { container: [], index: 0 }, 'a').definition;
    v1 = addField(v1, 'text', { container: [], index: 1 }, 'b').definition;
    let v2 = updateField(v1, [0], { required: true });
    v2 = removeElement(v2, [1]);
    v2 = addField(v2, 'date', { container: [], index: 1 }, 'c').definition;
    expect(fieldChanges(v1, v2)).toEqual({ added: ['c'], removed: ['b'], changed: ['a'] });
  });
});

describe('checks at the field', () => {
  it('names the field with a broken pattern, impossible limits or duplicate options', () => {
    let def = addField(blank(), 'text', { container: [], index: 0 }, 'code').definition;
    def = updateField(def, [0], { schema: { pattern: '[0-9', minLength: 5, maxLength: 2 } });
    def = addField(def, 'select', { container: [], index: 1 }, 'reason').definition;
    def = updateField(def, [1], {
      options: [
        { value: 'a', label: { zh: '甲', en: 'A' } },
        { value: 'a', label: { zh: '乙', en: 'B' } },
      ],
    });
    expect(fieldIssues(def).map((i) => [i.path, i.message.en])).toEqual([
      [[0], 'the pattern "[0-9" is not a valid regular expression'],
      [[0], 'the minimum length is above the maximum'],
      [[1], 'two options have the same value'],
    ]);
    // the definition check alone places the regex problem at /schema, not at the field
    expect(checkDefinition(def).map((i) => i.path)).toEqual(['/schema']);
  });

  it('a sound form has none', () => {
    let def = blank();
    for (const kind of FIELD_KINDS) def = addField(def, kind, { container: [], index: 99 }).definition;
    expect(fieldIssues(def)).toEqual([]);
  });
});
