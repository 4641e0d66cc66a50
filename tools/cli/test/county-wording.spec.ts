import * as fs from 'fs';
import * as path from 'path';
import { memoryIo } from '../io';
import { runCli } from '../main';

const root = path.join(__dirname, '..', '..', '..');
const PACKAGE_DIRS = ['forms', 'workflows', 'counties'];

/** Every text file of both counties' packages (forms, procedures, county data), relative to the repository. */
function packageFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, e.name);
      if (e.isDirectory()) walk(rel);
      else if (/\.(json|bpmn|md|csv)$/.test(e.name)) out.push(rel);
    }
  };
  PACKAGE_DIRS.forEach(walk);
  return out;
}

/**
 * Issue #16 points 7 and 9: the official terms in both counties' packages (Xiji at the root, Longde under
 * counties/640423/), and the package as a whole still valid.
 */
describe("the counties' packages use the official terms", () => {
  const files = packageFiles();
  const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');

  it.each([
    ['信教', '宗教因素'],
    ['家庭困难', '家庭经济困难'],
    ['限期入学通知书', '限期复学通知书 (a return case)'],
    ['包抓乡镇督导', '包抓走访'],
    ['适龄儿童台账', '适龄未入学台账'],
    ['学籍信息有误', '问题学籍'],
    ['县级医院', '县级及以上医院'],
    ['学生情况标记', '特殊群体类别'],
  ])('no "%s" (now %s)', (old) => {
    expect(files.filter((f) => read(f).includes(old))).toEqual([]);
  });

  it.each(['forms', 'counties/640423/forms'])(
    '%s: deferral has no reason "other"; the special groups include 返乡儿童 and 学习困难',
    (dir) => {
      const deferral = JSON.parse(read(`${dir}/deferral-application.form.json`));
      expect(deferral.schema.properties.reason.enum).toEqual(['illness', 'disability']);
      const visit = read(`${dir}/home-visit.form.json`);
      expect(visit).toContain('返乡儿童');
      expect(visit).toContain('学习困难');
    },
  );

  it("administrators and designers are nobody's responsible role; the bureau's leadership takes the legal steps", () => {
    for (const f of files.filter((x) => x.endsWith('.bpmn') || x.endsWith('.form.json'))) {
      const text = read(f);
      expect([f, /candidateGroups="[^"]*\b(admin|policy-designer)\b/.test(text)]).toEqual([f, false]);
      expect([f, /"const": "(admin|policy-designer)"/.test(text)]).toEqual([f, false]);
    }
    for (const dir of ['workflows', 'counties/640423/workflows']) {
      expect(read(`${dir}/county-parameters.bpmn`)).toContain('persuasionFinalRole: &quot;bureau-leader&quot;');
      expect(read(`${dir}/township-visit.bpmn`)).not.toMatch(/starterGroups" value="[^"]*(leading-group|admin|policy-designer)/);
    }
    for (const code of ['640422', '640423']) {
      const roles = JSON.parse(read(`counties/${code}/roles.json`)).map((r: { name: string }) => r.name);
      expect(roles).toEqual(
        expect.arrayContaining(['局领导（班子成员）', '办公室', '财务与项目室', '学生营养中心', '分管校长', '年级组长', '纪检组']),
      );
    }
  });

  it('`validate forms workflows counties/*` passes: Xiji at the root, Longde as its own package', async () => {
    const io = memoryIo(root);
    const counties = fs.readdirSync(path.join(root, 'counties')).map((c) => `counties/${c}`);
    const code = await runCli(['validate', 'forms', 'workflows', ...counties], io);
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    expect(io.stdout.join('\n')).toContain('counties/640423/roles.json');
  });
});
