import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { memoryIo } from '../io';
import { runCli } from '../main';

const shipped = path.join(__dirname, '..', '..', '..', 'counties', '640422');

/** `validate counties/<code>` also checks the county's org tree, roles and users before a seed would refuse them. */
describe('validate on a county data folder', () => {
  let work: string;
  const file = (name: string) => path.join(work, 'counties', '640422', name);
  const lineOf = (name: string, text: string) => {
    const content = fs.readFileSync(file(name), 'utf8');
    return content.slice(0, content.indexOf(text)).split('\n').length;
  };
  const rewrite = (name: string, change: (value: any[]) => void) => {
    const value = JSON.parse(fs.readFileSync(file(name), 'utf8'));
    change(value);
    fs.writeFileSync(file(name), JSON.stringify(value, null, 2));
  };
  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-county-'));
    fs.mkdirSync(path.join(work, 'counties', '640422'), { recursive: true });
    for (const name of ['county.json', 'org-units.json', 'roles.json', 'users.json', 'visit-assignments.csv'])
      fs.copyFileSync(path.join(shipped, name), file(name));
  });
  afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

  const validate = async () => {
    const io = memoryIo(work);
    const code = await runCli(['validate', 'counties/640422'], io);
    return { code, out: io.stdout.join('\n'), problems: io.stderr.filter((l) => /^\S+:\d+/.test(l)) };
  };

  it('passes the shipped Xiji data', async () => {
    const r = await validate();
    expect(r.problems).toEqual([]);
    expect(r.out).toContain('检查通过：0 个表单、0 个流程、1 个县的单位/角色/用户数据');
  });

  it('points at a unit whose parent is missing, a user with an unknown role and unit, and a duplicated username', async () => {
    rewrite('org-units.json', (units) => units.push({ code: '64042299901', name: '无上级学校', kind: 'school', parentCode: '640422999' }));
    rewrite('users.json', (users) => {
      users[1].roles[0].role = 'headmaster';
      users[1].roles[0].orgUnit = '64042299999';
      users.push({ ...users[2] });
    });
    const r = await validate();
    expect(r.code).toBe(1);
    const dup = fs
      .readFileSync(file('users.json'), 'utf8')
      .lastIndexOf(`"username": "${JSON.parse(fs.readFileSync(file('users.json'), 'utf8'))[2].username}"`);
    expect(r.problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^counties/640422/org-units\\.json:${lineOf('org-units.json', '"640422999"')}:\\d+ \\[ORG_UNIT_PARENT_MISSING\\] 单位 64042299901 的上级 640422999 不在`,
        ),
      ),
      expect.stringMatching(
        new RegExp(`^counties/640422/users\\.json:${lineOf('users.json', '"headmaster"')}:\\d+ \\[USER_ROLE_UNKNOWN\\] .*“headmaster”`),
      ),
      expect.stringMatching(
        new RegExp(`^counties/640422/users\\.json:${lineOf('users.json', '"64042299999"')}:\\d+ \\[USER_UNIT_UNKNOWN\\]`),
      ),
      expect.stringMatching(
        new RegExp(
          `^counties/640422/users\\.json:${fs.readFileSync(file('users.json'), 'utf8').slice(0, dup).split('\n').length}:\\d+ \\[USER_DUPLICATE\\]`,
        ),
      ),
    ]);
  });

  it('points at the 包抓 分工 row whose account, township or school the folder does not have', async () => {
    fs.appendFileSync(
      file('visit-assignments.csv'),
      '6,,nobody,办公室,吉强镇,\n7,,bureau,局领导（班子成员）,兴隆镇,吉强镇中心小学\n8,,bureau,局领导（班子成员）,无此乡,\n',
    );
    const r = await validate();
    expect(r.code).toBe(1);
    expect(r.problems).toEqual([
      expect.stringMatching(/^counties\/640422\/visit-assignments\.csv:7 \[VISIT_PERSON_UNKNOWN\] 账号 nobody/),
      expect.stringMatching(/^counties\/640422\/visit-assignments\.csv:8 \[VISIT_SCHOOL_UNKNOWN\] 学校“吉强镇中心小学”不在兴隆镇/),
      expect.stringMatching(/^counties\/640422\/visit-assignments\.csv:9 \[VISIT_TOWNSHIP_UNKNOWN\] 乡镇“无此乡”/),
    ]);
  });
});
