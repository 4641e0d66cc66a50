import { makeResidentId } from '@kcbx/cn-codes';
import { studentReturn } from '../test/load-fixture';
import { FormValidators, resolveForm, validateFormData, type LayoutElement } from './index';

const id = makeResidentId('640422', '2011-05-02', 31, 'female');
const complete = {
  name: '马小花',
  residentId: id,
  birthDate: '2011-05-02',
  sex: 'female',
  reason: 'family',
  guardians: [{ name: '马建国', relation: 'father', phone: '13995412345' }],
};

describe('validateFormData', () => {
  it('accepts a complete record', () => {
    expect(validateFormData(studentReturn(), complete)).toMatchObject({ valid: true, errors: [] });
  });

  it('holds conditional requireds (if/then) and shows the field the rule reveals', () => {
    const def = studentReturn();
    const { errors } = validateFormData(def, { ...complete, reason: 'other' });
    expect(errors).toEqual([
      expect.objectContaining({ path: '/otherReason', keyword: 'required', label: { zh: '其他原因说明', en: 'Other reason' } }),
    ]);
    expect(validateFormData(def, { ...complete, reason: 'other', otherReason: '随父母外出务工' }).valid).toBe(true);
  });

  it('does not require a field that a rule hides', () => {
    const def = studentReturn();
    def.schema.then = { required: ['otherReason', 'returnedOn'] };
    const layout = def.uiSchema as LayoutElement;
    def.uiSchema = {
      ...layout,
      elements: layout.elements.map((e) =>
        e.type === 'Control' && e.scope === '#/properties/returnedOn'
          ? { ...e, rule: { effect: 'HIDE', condition: { scope: '#/properties/reason', schema: { const: 'other' } } } }
          : e,
      ),
    };
    const paths = validateFormData(def, { ...complete, reason: 'other' }).errors.map((e) => e.path);
    expect(paths).toEqual(['/otherReason']);
  });

  it('reports errors inside repeatable rows with the column label', () => {
    const { errors } = validateFormData(studentReturn(), { ...complete, guardians: [complete.guardians[0], { name: '马', phone: '110' }] });
    expect(errors.map((e) => [e.path, e.label.zh, e.message.zh])).toEqual([
      ['/guardians/1/name', '监护人姓名', '至少填写 2 个字'],
      ['/guardians/1/phone', '联系电话', '请输入有效的11位手机号码'],
    ]);
  });

  it('leaves errors in read-only and hidden fields to the step that owns them', () => {
    const { name: _name, ...noName } = complete;
    const def = studentReturn();
    expect(validateFormData(def, noName).valid).toBe(false);
    expect(validateFormData(def, noName, { permissions: { name: 'readonly' } }).valid).toBe(true);
    expect(validateFormData(def, noName, { permissions: { '/name': 'hidden' } }).valid).toBe(true);
  });
});

describe('validator cache', () => {
  it('compiles a form version once, however often it validates', () => {
    const validators = new FormValidators();
    const def = studentReturn();
    for (let i = 0; i < 200; i++) validateFormData(def, { ...complete, name: `学生${i}` }, { validators });
    validateFormData(studentReturn(), complete, { validators }); // same content, another object
    expect(validators.compileCount).toBe(1);

    validateFormData({ ...def, version: 2 }, complete, { validators });
    // Definitions are immutable values: an edit makes a new object (the hash is remembered per object).
    const changed = structuredClone(def);
    changed.schema.properties = { ...changed.schema.properties, name: { type: 'string', maxLength: 20 } };
    validateFormData(changed, complete, { validators });
    expect(validators.compileCount).toBe(3);
  });

  it('validates a cached form in well under a millisecond', () => {
    const validators = new FormValidators();
    const def = studentReturn();
    validateFormData(def, complete, { validators });
    const start = process.hrtime.bigint();
    for (let i = 0; i < 1000; i++) validateFormData(def, complete, { validators });
    const perCallMs = Number(process.hrtime.bigint() - start) / 1e6 / 1000;
    expect(perCallMs).toBeLessThan(0.5);
  });
});

describe('browser resolver output', () => {
  it('puts the Chinese resident-ID message at the field, nested as react-hook-form expects', () => {
    const wrong = complete.residentId.slice(0, 17) + (complete.residentId[17] === '1' ? '2' : '1');
    const { errors } = resolveForm(
      studentReturn(),
      { ...complete, residentId: wrong, guardians: [{ name: '马建国', phone: '1' }] },
      { locale: 'zh-CN' },
    );
    expect(errors).toEqual({
      residentId: { type: 'format', message: '身份证号校验位错误，请核对号码' },
      guardians: { 0: { phone: { type: 'format', message: '请输入有效的11位手机号码' } } },
    });
    expect(resolveForm(studentReturn(), complete, { locale: 'en' })).toEqual({ values: complete, errors: {} });
  });
});
