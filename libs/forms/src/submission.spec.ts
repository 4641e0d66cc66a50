import { makeResidentId } from '@kcbx/cn-codes';
import { studentReturn } from '../test/load-fixture';
import { validateSubmission } from './index';

const complete = {
  name: '马小花',
  residentId: makeResidentId('640422', '2011-05-02', 31, 'female'),
  birthDate: '2011-05-02',
  sex: 'female',
  reason: 'family',
  guardians: [{ name: '马建国', relation: 'father', phone: '13995412345' }],
};

describe('validateSubmission', () => {
  it('accepts a clean submission and pins key, version and hash', () => {
    const result = validateSubmission(studentReturn(), complete);
    expect(result).toMatchObject({ valid: true, errors: [], key: 'student-return', version: 1 });
    expect(result.hash).toMatch(/^sha256:/);
    expect(result.data).toEqual(complete);
  });

  it('refuses properties the schema does not declare, at any depth', () => {
    const tampered = { ...complete, isAdmin: true, guardians: [{ ...complete.guardians[0], bank: '6222' }] };
    const { valid, errors } = validateSubmission(studentReturn(), tampered);
    expect(valid).toBe(false);
    expect(errors.filter((e) => e.keyword === 'notInSchema').map((e) => e.path)).toEqual(['/guardians/0/bank', '/isAdmin']);
    expect(errors[0].message.zh).toBe('表单中没有此字段，不能提交');
  });

  it('refuses wrong types', () => {
    const { errors } = validateSubmission(studentReturn(), { ...complete, guardians: 'none', name: 42 });
    expect(errors.map((e) => [e.path, e.keyword])).toEqual(
      expect.arrayContaining([
        ['/guardians', 'type'],
        ['/name', 'type'],
      ]),
    );
    expect(validateSubmission(studentReturn(), [complete]).errors[0].keyword).toBe('type');
  });

  it('refuses a hidden field sent anyway', () => {
    const { valid, errors } = validateSubmission(
      studentReturn(),
      { ...complete, reviewerComment: '同意' },
      { permissions: { reviewerComment: 'hidden' } },
    );
    expect(valid).toBe(false);
    expect(errors).toEqual([expect.objectContaining({ path: '/reviewerComment', keyword: 'hiddenField' })]);
  });

  it('refuses changes to read-only fields but accepts them unchanged', () => {
    const previousData = { ...complete };
    const permissions = { name: 'readonly', 'guardians.*.phone': 'readonly' } as const;
    const ok = validateSubmission(studentReturn(), { ...complete, reviewerComment: '同意' }, { permissions, previousData });
    expect(ok.valid).toBe(true);
    const changed = { ...complete, name: '马小红', guardians: [{ ...complete.guardians[0], phone: '13900000000' }] };
    const { errors } = validateSubmission(studentReturn(), changed, { permissions, previousData });
    expect(errors.map((e) => [e.path, e.keyword])).toEqual([
      ['/name', 'readonlyField'],
      ['/guardians/0/phone', 'readonlyField'],
    ]);
    expect(errors[0].message.en).toBe('this field is read-only at this step');
  });

  it('fills read-only and hidden fields from the previous step before validating', () => {
    const { name: _n, ...withoutName } = complete;
    const result = validateSubmission(studentReturn(), withoutName, {
      permissions: { name: 'readonly', reviewerComment: 'hidden' },
      previousData: { name: '马小花', reviewerComment: '已核实' },
    });
    expect(result.valid).toBe(true);
    expect(result.data).toMatchObject({ name: '马小花', reviewerComment: '已核实' });
  });

  it('still enforces conditional requireds on the server', () => {
    const { errors } = validateSubmission(studentReturn(), { ...complete, reason: 'other' });
    expect(errors.map((e) => e.path)).toEqual(['/otherReason']);
  });

  it('refuses an oversize or wrongly typed upload', () => {
    const big = { ...complete, attachment: { id: 'f1', name: 'scan.png', type: 'image/png', size: 5 * 1024 * 1024 } };
    expect(validateSubmission(studentReturn(), big).errors[0]).toMatchObject({ path: '/attachment', keyword: 'fileUpload' });
    const exe = { ...complete, attachment: { id: 'f2', name: 'scan.exe', type: 'application/x-msdownload', size: 100 } };
    expect(validateSubmission(studentReturn(), exe).errors[0].message.zh).toContain('只接受以下文件类型');
  });
});
