import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readPackageDir, writePackageDir } from '../package/package-dir';

const root = path.join(__dirname, '..', '..', '..');

/**
 * The 包抓 分工 list travels with a county folder: Xiji's visit-assignments.csv is read into the package (people by
 * account, or by a name users.json has once), and an export writes it back in the same columns.
 */
describe('visit-assignments.csv in a county folder', () => {
  it('reads Xiji’s list into the package and writes it back unchanged in meaning', () => {
    const pkg = readPackageDir(path.join(root, 'counties', '640422'), root, { forms: [], workflows: [] });
    expect(pkg.visitAssignments).toContainEqual({
      username: 'bureau',
      office: '局领导（班子成员）',
      township: '新营乡',
      schools: ['新营乡中心小学', '新营乡第二小学'],
    });
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-assignments-'));
    try {
      writePackageDir(out, pkg);
      expect(fs.readFileSync(path.join(out, 'visit-assignments.csv'), 'utf8').split('\n')[0]).toBe('序号,姓名,账号,科室,包抓乡镇,联系学校');
      expect(readPackageDir(out, out).visitAssignments).toEqual(pkg.visitAssignments);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('takes a person by a name users.json has once, and stops at a row naming nobody', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-assignments-'));
    try {
      fs.writeFileSync(path.join(dir, 'county.json'), JSON.stringify({ tenant: { code: '640422', name: '西吉县' } }));
      fs.writeFileSync(path.join(dir, 'users.json'), JSON.stringify([{ username: 'bureau', displayName: '王局长', roles: [] }]));
      fs.writeFileSync(
        path.join(dir, 'visit-assignments.csv'),
        '\uFEFF姓名,包抓乡镇,联系学校\n王局长,吉强镇,"吉强镇中心小学，吉强镇第二小学"\n',
      );
      expect(readPackageDir(dir, dir).visitAssignments).toEqual([
        { username: 'bureau', township: '吉强镇', schools: ['吉强镇中心小学', '吉强镇第二小学'] },
      ]);
      fs.appendFileSync(path.join(dir, 'visit-assignments.csv'), '无此人,吉强镇,\n');
      expect(() => readPackageDir(dir, dir)).toThrow(/row 3/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
