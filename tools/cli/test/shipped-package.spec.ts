import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { memoryIo } from '../io';
import { runCli } from '../main';

const root = path.join(__dirname, '..', '..', '..');

/** 1-based line of the first occurrence of `text` in a file's content. */
const lineOf = (content: string, text: string) => content.slice(0, content.indexOf(text)).split('\n').length;

/**
 * Acceptance: `npm run tools -- validate forms workflows` passes on the package the repository ships (Xiji:
 * forms/, workflows/, roles from counties/640422/roles.json) and fails with file:line on broken copies of it.
 */
describe('validate on the shipped package and on broken copies of it', () => {
  let work: string;
  const file = (...p: string[]) => path.join(work, ...p);
  const bpmn = 'workflows/deferral-suspension.bpmn';
  const read = () => fs.readFileSync(file(bpmn), 'utf8');
  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'kcbx-shipped-'));
    for (const dir of ['forms', 'workflows']) fs.cpSync(path.join(root, dir), file(dir), { recursive: true });
    fs.mkdirSync(file('counties', '640422'), { recursive: true });
    fs.copyFileSync(path.join(root, 'counties', '640422', 'roles.json'), file('counties', '640422', 'roles.json'));
  });
  afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

  async function validate() {
    const io = memoryIo(work);
    const code = await runCli(['validate', 'forms', 'workflows'], io);
    return { code, out: io.stdout.join('\n'), problems: io.stderr.filter((l) => /^\S+:\d+/.test(l)) };
  }

  it('passes as shipped', async () => {
    const r = await validate();
    expect(r.problems).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^检查通过：\d+ 个表单、\d+ 个流程，角色来自 counties\/640422\/roles\.json/);
  });

  it('fails on a missing form, at the line that names it', async () => {
    const [, key] = /formId="([^"]+)"/.exec(read())!;
    fs.rmSync(file('forms', `${key}.form.json`));
    const r = await validate();
    expect(r.code).toBe(1);
    expect(r.problems).toContainEqual(
      expect.stringMatching(new RegExp(`^${bpmn}:${lineOf(read(), `formId="${key}"`)} \\(\\w+\\) \\[FORM_NOT_FOUND\\] .*“${key}”`)),
    );
  });

  it('fails on an unknown role, at the line that names it', async () => {
    const [attr] = /candidateGroups="[^"]+"/.exec(read())!;
    fs.writeFileSync(file(bpmn), read().replace(attr, 'candidateGroups="no-such-role"'));
    const r = await validate();
    expect(r.code).toBe(1);
    expect(r.problems).toEqual([
      expect.stringMatching(
        new RegExp(`^${bpmn}:${lineOf(read(), 'no-such-role')} \\(\\w+\\) \\[ROLE_NOT_FOUND\\] 候选角色“no-such-role”`),
      ),
    ]);
  });

  it('fails on a FEEL condition that does not parse, at its line', async () => {
    const [condition] = /<bpmn:conditionExpression>[^<]+/.exec(read())!;
    fs.writeFileSync(file(bpmn), read().replace(condition, `${condition} and (`));
    const r = await validate();
    expect(r.code).toBe(1);
    expect(r.problems).toEqual([expect.stringMatching(new RegExp(`^${bpmn}:${lineOf(read(), ' and (')} \\(\\w+\\) \\[FEEL_SYNTAX\\]`))]);
  });

  it('fails on an unsupported element, naming it with its line', async () => {
    fs.writeFileSync(file(bpmn), read().replace('</bpmn:process>', '  <bpmn:complexGateway id="unsupportedGateway" />\n  </bpmn:process>'));
    const r = await validate();
    expect(r.code).toBe(1);
    expect(r.problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${bpmn}:${lineOf(read(), 'unsupportedGateway')} \\(unsupportedGateway\\) \\[UNSUPPORTED_ELEMENT\\] bpmn:ComplexGateway`,
        ),
      ),
    ]);
  });
});
