import { makeResidentId } from '@kcbx/cn-codes';
import { detectMapping } from './register-columns';
import { checkRegisterRows, normaliseDate } from './register-rows';

describe('register rows', () => {
  const boy = makeResidentId('640422', '2013-04-05', 11, 'male');
  const girl = makeResidentId('640422', '2014-06-07', 12, 'female');
  const headers = ['姓名', '公民身份号码', '性别', '出生日期', '乡镇'];
  const mapping = detectMapping(headers);
  const row = (n: number, cells: string[]) => ({ row: n, cells: Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ''])) });

  it('recognises the usual Chinese headers, and an explicit mapping wins', () => {
    expect(mapping).toEqual({ name: '姓名', idNumber: '公民身份号码', sex: '性别', birthDate: '出生日期', township: '乡镇' });
    expect(detectMapping(['学生', '证号'], { name: '学生', idNumber: '证号' })).toEqual({ name: '学生', idNumber: '证号' });
  });

  it('accepts good rows and reports every bad one with its row and field', () => {
    const { accepted, problems } = checkRegisterRows(
      [
        row(2, ['马小军', boy, '男', '2013年4月5日', '吉强镇']),
        row(3, ['杨玉兰', girl.slice(0, 17) + (girl[17] === '1' ? '2' : '1'), '女']),
        row(4, ['', girl]),
        row(5, ['马小军', boy]),
        row(6, ['海燕', girl, '男']),
        row(7, ['海燕', girl, '', '2014-6-8']),
        row(8, ['海燕', girl.toLowerCase()]),
      ],
      mapping,
    );
    expect(accepted.map((a) => [a.rowNo, a.birthDate, a.sex])).toEqual([
      [2, '2013-04-05', 'male'],
      [8, '2014-06-07', 'female'],
    ]);
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [3, 'idNumber'],
      [4, 'name'],
      [5, 'idNumber'],
      [6, 'sex'],
      [7, 'birthDate'],
    ]);
    expect(problems[0].message).toContain('校验位');
    expect(problems[2].message).toContain('第 2 行重复');
  });

  it('reads the date forms clerks type', () => {
    expect(['2012-3-5', '2012/03/05', '20120305', '2012年3月5日', '2012.3.5'].map(normaliseDate)).toEqual(Array(5).fill('2012-03-05'));
    expect(normaliseDate('三月五日')).toBeNull();
  });
});
