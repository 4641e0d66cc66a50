import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { memoryIo } from '../io';
import { runCli } from '../main';

/** `new-county` makes a county folder for any GB/T 2260 county and refuses everything else with the reason. */
describe('npm run tools -- new-county', () => {
  let work: string;
  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-nc-'));
  });
  afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

  const run = async (...argv: string[]) => {
    const io = memoryIo(work);
    const code = await runCli(['new-county', ...argv], io);
    return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
  };
  const read = (...p: string[]) => JSON.parse(fs.readFileSync(path.join(work, ...p), 'utf8'));

  it('builds Xiji: the county, its 19 real townships, placeholder schools as the demo seed makes them', async () => {
    const r = await run('--code', '640422');
    expect(r.code).toBe(0);
    expect(r.out).toContain('已生成 西吉县（640422）：19 个乡镇');
    expect(read('counties', '640422', 'county.json')).toEqual({
      format: 'kcbx-county-package/1',
      tenant: { code: '640422', name: '西吉县' },
    });
    const units = read('counties', '640422', 'org-units.json');
    expect(units[0]).toEqual({ code: '640422', name: '西吉县', kind: 'county', parentCode: null });
    expect(units.filter((u: { kind: string }) => u.kind === 'township')).toHaveLength(19);
    expect(units).toContainEqual({ code: '640422100', name: '吉强镇', kind: 'township', parentCode: '640422' });
    expect(units).toContainEqual({ code: '64042210001', name: '吉强镇中心小学', kind: 'school', parentCode: '640422100' });
    expect(units).toContainEqual({ code: '64042210003', name: '吉强镇初级中学', kind: 'school', parentCode: '640422100' });
    expect(read('counties', '640422', 'users.json')).toEqual([]);
  });

  it('works for any county in China, copies the standard roles when the repository has them, and does not overwrite by accident', async () => {
    fs.mkdirSync(path.join(work, 'counties', '640422'), { recursive: true });
    fs.writeFileSync(path.join(work, 'counties', '640422', 'roles.json'), JSON.stringify([{ key: 'principal', name: '校长' }]));
    const r = await run('--code', '110101', '--out', 'dongcheng');
    expect(r.code).toBe(0);
    expect(read('dongcheng', 'county.json').tenant.name).toBe('东城区');
    expect(read('dongcheng', 'org-units.json').find((u: { code: string }) => u.code === '110101001').name).toBe('东华门街道');
    expect(read('dongcheng', 'roles.json')).toEqual([{ key: 'principal', name: '校长' }]);
    const again = await run('--code', '110101', '--out', 'dongcheng');
    expect(again.code).toBe(2);
    expect(again.err).toContain('已有 county.json；确认覆盖请加 --force');
    expect((await run('--code', '110101', '--out', 'dongcheng', '--force')).code).toBe(0);
  });

  it.each(['640422', '640423'])('reproduces the org tree shipped in counties/%s exactly', async (code) => {
    const shipped = path.join(__dirname, '..', '..', '..', 'counties', code, 'org-units.json');
    expect((await run('--code', code)).code).toBe(0);
    expect(read('counties', code, 'org-units.json')).toEqual(JSON.parse(fs.readFileSync(shipped, 'utf8')));
  });

  it.each([
    ['64', '64 是省级代码（宁夏回族自治区），不是县级代码'],
    ['6404', '6404 是地市级代码（宁夏回族自治区 / 固原市），不是县级代码'],
    ['640422100', '640422100 是乡镇级代码（宁夏回族自治区 / 固原市 / 西吉县 / 吉强镇），不是县级代码'],
    ['640499', '区划数据中没有县级代码 640499'],
    ['西吉县', '“西吉县”不是行政区划代码'],
  ])('refuses %s with the reason, writing nothing', async (code, message) => {
    const r = await run('--code', code);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(fs.existsSync(path.join(work, 'counties'))).toBe(false);
  });
});
