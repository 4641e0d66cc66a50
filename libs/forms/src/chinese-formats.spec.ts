import { makeResidentId, RegionIndex } from '@kcbx/cn-codes';
import { FormValidators, validateFormData, type FormDefinition, type JsonSchema, type JsonSchemaObject } from './index';

function formWith(properties: Record<string, JsonSchema>, extra: JsonSchemaObject = {}): FormDefinition {
  return {
    key: `formats-${Object.keys(properties).join('-')}`,
    version: 1,
    title: 'formats',
    schema: { type: 'object', properties, ...extra },
    uiSchema: { type: 'VerticalLayout', elements: Object.keys(properties).map((p) => ({ type: 'Control', scope: `#/properties/${p}` })) },
  };
}

const validId = makeResidentId('640422', '2012-03-15', 17, 'male');

describe('Chinese formats', () => {
  const def = formWith({
    id: { type: 'string', format: 'resident-id' },
    phone: { type: 'string', format: 'mobile-cn' },
    student: { type: 'string', format: 'student-number' },
    region: { type: 'string', format: 'region-code' },
    month: { type: 'string', format: 'year-month' },
  });

  it('accepts valid values', () => {
    const result = validateFormData(def, { id: validId, phone: '13912345678', student: `G${validId}`, region: '640422', month: '2026-09' });
    expect(result).toMatchObject({ valid: true, errors: [] });
  });

  it('rejects invalid values with a message in Chinese and English', () => {
    const wrongCheck = validId.slice(0, 17) + (validId[17] === '0' ? '1' : '0');
    const { errors } = validateFormData(def, {
      id: wrongCheck,
      phone: '12345678901',
      student: 'X123',
      region: '6404220101',
      month: '2026-13',
    });
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e]));
    expect(Object.keys(byPath).sort()).toEqual(['/id', '/month', '/phone', '/region', '/student']);
    expect(byPath['/id'].message).toEqual({
      zh: '身份证号校验位错误，请核对号码',
      en: 'the ID number check digit is wrong; please re-check the number',
    });
    expect(byPath['/phone'].message.zh).toBe('请输入有效的11位手机号码');
    expect(byPath['/student'].message.en).toMatch(/national student number/);
    expect(byPath['/region'].message.zh).toBe('请选择有效的行政区划');
  });

  it('explains which part of a resident ID is wrong', () => {
    const { errors } = validateFormData(def, { id: '64042220121345001X' });
    expect(errors[0].message.zh).toBe('身份证号中的出生日期无效');
    expect(validateFormData(def, { id: '12345' }).errors[0].message.en).toMatch(/17 digits/);
  });

  it('checks region membership only when given a division index', () => {
    const regions = new RegionIndex([
      { code: '64', name: '宁夏回族自治区', children: [{ code: '6404', name: '固原市', children: [{ code: '640422', name: '西吉县' }] }] },
    ]);
    const withIndex = new FormValidators({ regions });
    expect(validateFormData(def, { region: '640422' }, { validators: withIndex }).valid).toBe(true);
    expect(validateFormData(def, { region: '640499' }, { validators: withIndex }).valid).toBe(false);
    expect(validateFormData(def, { region: '640499' }).valid).toBe(true); // shape only
  });
});

describe('standard keywords', () => {
  it('words a standard keyword in plain Chinese next to plain English', () => {
    const def = formWith({ age: { type: 'integer', minimum: 6, title: '年龄' } });
    const [error] = validateFormData(def, { age: 3 }).errors;
    expect(error).toMatchObject({ path: '/age', keyword: 'minimum', label: { zh: '年龄', en: '年龄' } });
    expect(error.message).toEqual({ zh: '不能小于 6', en: 'must not be less than 6' });
  });

  it('names the missing field in required messages', () => {
    const def = formWith({ name: { type: 'string', title: '姓名' } }, { required: ['name'] });
    expect(validateFormData(def, {}).errors[0]).toMatchObject({ path: '/name', message: { zh: '请填写“姓名”', en: '姓名 is required' } });
  });

  it('compares dates with formatMinimum and $data', () => {
    const def = formWith({
      from: { type: 'string', format: 'date' },
      to: { type: 'string', format: 'date', formatMinimum: { $data: '1/from' } },
    });
    expect(validateFormData(def, { from: '2026-09-01', to: '2026-10-01' }).valid).toBe(true);
    expect(validateFormData(def, { from: '2026-09-01', to: '2026-08-01' }).errors[0].path).toBe('/to');
  });
});

describe('custom keywords', () => {
  const person = formWith(
    { id: { type: 'string', format: 'resident-id' }, birthDate: { type: 'string', format: 'date' }, sex: { type: 'string' } },
    { residentIdMatches: { id: 'id', birthDate: 'birthDate', sex: 'sex' } },
  );

  it('checks birth date and sex against the resident ID', () => {
    expect(validateFormData(person, { id: validId, birthDate: '2012-03-15', sex: 'male' }).valid).toBe(true);
    expect(validateFormData(person, { id: validId, birthDate: '2012-03-15', sex: '男' }).valid).toBe(true);
    const { errors } = validateFormData(person, { id: validId, birthDate: '2012-03-16', sex: 'female' });
    expect(errors.map((e) => [e.path, e.message.zh])).toEqual([
      ['/birthDate', '出生日期与身份证号不一致（应为2012-03-15）'],
      ['/sex', '性别与身份证号不一致（应为男）'],
    ]);
  });

  it('refuses oversize files and wrong file types', () => {
    const def = formWith({ scan: { type: 'object', fileUpload: { maxBytes: 1024, accept: ['image/*', '.pdf'] } } });
    const file = (name: string, type: string, size: number) => ({ scan: { id: 'f1', name, type, size } });
    expect(validateFormData(def, file('a.png', 'image/png', 1000)).valid).toBe(true);
    expect(validateFormData(def, file('a.PDF', 'application/octet-stream', 10)).valid).toBe(true);
    expect(validateFormData(def, file('a.png', 'image/png', 4096)).errors[0].message).toEqual({
      zh: '文件不能超过 1 KB',
      en: 'file must not be larger than 1 KB',
    });
    expect(validateFormData(def, file('a.exe', 'application/x-msdownload', 10)).errors[0].message.zh).toBe(
      '只接受以下文件类型：image/*, .pdf',
    );
  });

  it('orders a date range', () => {
    const def = formWith({ span: { type: 'array', items: { type: 'string', format: 'date' }, dateRange: true } });
    expect(validateFormData(def, { span: ['2026-01-01', '2026-02-01'] }).valid).toBe(true);
    expect(validateFormData(def, { span: ['2026-03-01', '2026-02-01'] }).errors[0].message.zh).toBe('开始日期不能晚于结束日期');
  });
});
