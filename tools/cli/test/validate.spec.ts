import * as fs from 'fs';
import * as path from 'path';
import { memoryIo } from '../io';
import { runCli } from '../main';
import { copyPackage } from './support/package-copy';

/** `validate` on the fixture package (copied from the API's deployment fixtures) and on broken copies of it. */
describe('npm run tools -- validate', () => {
  let pkg: ReturnType<typeof copyPackage>;
  beforeEach(() => {
    pkg = copyPackage();
  });
  afterEach(() => pkg.cleanup());

  async function validate(...args: string[]) {
    const io = memoryIo(pkg.dir);
    const code = await runCli(['validate', ...args], io);
    const located = io.stderr.filter((l) => /^\S+:\d+/.test(l));
    return {
      code,
      out: io.stdout.join('\n'),
      err: io.stderr.filter((l) => !l.includes('提示 warning')).join('\n'),
      problems: located.filter((l) => !l.includes('提示 warning')),
      warnings: located.filter((l) => l.includes('提示 warning')),
    };
  }

  it('passes the intact package and says how many forms and procedures it checked', async () => {
    const r = await validate('forms', 'workflows');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('检查通过：2 个表单、3 个流程');
    expect(r.out).toContain('roles from roles.json');
  });

  it('fails on a user task whose form is missing, at the line that names it', async () => {
    pkg.remove('forms/principal-review.form.json');
    const r = await validate('forms', 'workflows');
    expect(r.code).toBe(1);
    expect(r.problems).toEqual([
      'workflows/leave-approval.bpmn:18 (review) [FORM_NOT_FOUND] 用户任务引用的表单“principal-review”不存在（没有 principal-review.form.json） / the user task names form "principal-review", which is not in the package (no principal-review.form.json)',
    ]);
    expect(r.err).toContain('检查未通过：1 个表单、3 个流程，共 1 个问题');
  });

  it('fails on a candidate role the county does not have', async () => {
    pkg.edit('workflows/escalation.bpmn', 'candidateGroups="principal"', 'candidateGroups="principal,headmaster"');
    const r = await validate('forms', 'workflows');
    expect(r.code).toBe(1);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(
      /^workflows\/escalation\.bpmn:19 \(principalVisit\) \[ROLE_NOT_FOUND\] 候选角色“headmaster”不是本县的角色/,
    );
  });

  it('fails on a FEEL condition that does not parse, pointing at the condition', async () => {
    pkg.edit('workflows/leave-approval.bpmn', '=decision = "return"', '=(decision = "return"');
    const r = await validate('forms', 'workflows');
    expect(r.code).toBe(1);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(
      /^workflows\/leave-approval\.bpmn:24 \(toReturn\) \[FEEL_SYNTAX\] 条件的 FEEL 表达式无法解析.*\(decision = "return"/,
    );
  });

  it('fails on a FEEL due date that does not parse (attributes are checked too)', async () => {
    pkg.edit('workflows/escalation.bpmn', 'dueDate="=now() + duration(&quot;PT2S&quot;)"', 'dueDate="=now() + duration(&quot;PT2S&quot;"');
    const r = await validate('forms', 'workflows');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/^workflows\/escalation\.bpmn:9 \(visit\) \[FEEL_SYNTAX\] 期限的 FEEL 表达式无法解析/);
  });

  it('fails on an element the engine does not support, naming element, type and line', async () => {
    pkg.edit(
      'workflows/leave-approval.bpmn',
      '<bpmn:endEvent id="approved" name="已批准" />',
      '<bpmn:complexGateway id="odd" />\n    <bpmn:endEvent id="approved" name="已批准" />',
    );
    const r = await validate('forms', 'workflows');
    expect(r.code).toBe(1);
    expect(r.problems).toEqual([
      expect.stringMatching(
        /^workflows\/leave-approval\.bpmn:27 \(odd\) \[UNSUPPORTED_ELEMENT\] bpmn:ComplexGateway：不支持的元素 bpmn:ComplexGateway/,
      ),
    ]);
  });

  it('checks the start form and starter roles of a start event too', async () => {
    pkg.edit(
      'workflows/leave-approval.bpmn',
      '<bpmn:startEvent id="start" />',
      `<bpmn:startEvent id="start">
      <bpmn:extensionElements>
        <zeebe:formDefinition formId="start-form" />
        <zeebe:properties><zeebe:property name="starterGroups" value="class-teacher,guardian" /></zeebe:properties>
      </bpmn:extensionElements>
    </bpmn:startEvent>`,
    );
    const r = await validate('forms', 'workflows');
    expect(r.problems).toEqual([
      expect.stringMatching(/^workflows\/leave-approval\.bpmn:6 \(start\) \[FORM_NOT_FOUND\] 开始事件引用的表单“start-form”不存在/),
      expect.stringMatching(/^workflows\/leave-approval\.bpmn:7 \(start\) \[ROLE_NOT_FOUND\] 候选角色“guardian”/),
    ]);
  });

  it("fails on field permissions that name no field of the step's form, or an unknown permission", async () => {
    pkg.edit(
      'workflows/leave-approval.bpmn',
      `value='{"decision":"hidden","comment":"hidden"}'`,
      `value='{"decison":"hidden","comment":"secret"}'`,
    );
    const r = await validate('forms', 'workflows');
    expect(r.problems).toEqual([
      expect.stringMatching(
        /^workflows\/leave-approval\.bpmn:10 \(apply\) \[FIELD_NOT_IN_FORM\] 字段权限中的“decison”不是表单“leave-application”的字段/,
      ),
      expect.stringMatching(/^workflows\/leave-approval\.bpmn:10 \(apply\) \[FIELD_PERMISSION_INVALID\] 字段“comment”的权限“secret”无效/),
    ]);
  });

  it('reports a broken form with file:line:column and still checks the procedures', async () => {
    pkg.edit('forms/leave-application.form.json', '"format": "date" },', '"format": "date" ');
    pkg.edit('workflows/escalation.bpmn', 'candidateGroups="principal"', 'candidateGroups="nobody"');
    const r = await validate('forms', 'workflows');
    expect(r.problems[0]).toMatch(/^forms\/leave-application\.form\.json:11:\d+ \[FORM_SYNTAX\] JSON 语法错误/);
    expect(r.problems.some((p) => p.includes('[ROLE_NOT_FOUND]'))).toBe(true);
  });

  it('warns, without failing, when an expression reads a variable no form, mapping or the system provides', async () => {
    pkg.edit('workflows/leave-approval.bpmn', '=decision = "return"', '=decison = "return"');
    const r = await validate('forms', 'workflows');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2 个提示');
    expect(r.warnings).toEqual([
      expect.stringMatching(
        /^workflows\/leave-approval\.bpmn:24 \(toReturn\) \[FEEL_UNKNOWN_VARIABLE\] 提示 warning: 条件读取的变量“decison”/,
      ),
      // the fixture's persuasion procedure is completed without a form in the API's tests
      expect.stringMatching(/^workflows\/persuasion-return\.bpmn:12 \(back\) \[FEEL_UNKNOWN_VARIABLE\] .*“returned”/),
    ]);
  });

  it('warns when two user tasks write the variable a gateway decides on without output mappings, and not once each step maps its own', async () => {
    // the application may now set `decision` too: the review's gateway could read the applicant's value
    pkg.edit('workflows/leave-approval.bpmn', `value='{"decision":"hidden","comment":"hidden"}'`, `value='{"comment":"hidden"}'`);
    const shared = await validate('forms', 'workflows');
    expect(shared.code).toBe(0);
    expect(shared.warnings.filter((w) => w.includes('SHARED_STEP_VARIABLE'))).toEqual([
      expect.stringMatching(
        /^workflows\/leave-approval\.bpmn:24 \(toReturn\) \[SHARED_STEP_VARIABLE\] 提示 warning: 网关 decide 的条件读取“decision”，而用户任务 apply、review 都会写入它且没有输出映射/,
      ),
    ]);
    // the review gives the process its own reviewDecision and the gateway reads that: nothing to warn about
    pkg.edit(
      'workflows/leave-approval.bpmn',
      '<zeebe:formDefinition formId="principal-review" />',
      '<zeebe:formDefinition formId="principal-review" /><zeebe:ioMapping><zeebe:output source="=decision" target="reviewDecision" /></zeebe:ioMapping>',
    );
    pkg.edit('workflows/leave-approval.bpmn', '=decision = "return"', '=reviewDecision = "return"');
    const own = await validate('forms', 'workflows');
    expect(own.warnings.filter((w) => w.includes('SHARED_STEP_VARIABLE'))).toEqual([]);
  });

  it('checks roles against --roles when given, and refuses a path that does not exist', async () => {
    pkg.edit('roles.json', '"key": "principal"', '"key": "headteacher"');
    expect((await validate('forms', 'workflows')).code).toBe(1);
    const other = await validate('forms', 'workflows', '--roles', `${__dirname}/fixtures/package/roles.json`);
    expect(other.code).toBe(0);
    const typo = await validate('form');
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('找不到 form');
  });
});

/** historyRetention is read by the API's daily cleanup, not by a procedure: validate checks it is a period. */
describe('npm run tools -- validate: the county parameters', () => {
  const shipped = path.join(__dirname, '..', '..', '..', 'workflows', 'county-parameters.bpmn');
  let pkg: ReturnType<typeof copyPackage>;
  beforeEach(() => {
    pkg = copyPackage();
    fs.copyFileSync(shipped, path.join(pkg.dir, 'workflows', 'county-parameters.bpmn'));
  });
  afterEach(() => pkg.cleanup());
  const problems = async () => {
    const io = memoryIo(pkg.dir);
    const code = await runCli(['validate', 'forms', 'workflows'], io);
    return { code, lines: io.stderr.filter((l) => l.includes('HISTORY_RETENTION')) };
  };

  it('accepts the shipped P3Y and refuses a value that is not a period, at its line', async () => {
    expect((await problems()).lines).toEqual([]);
    pkg.edit('workflows/county-parameters.bpmn', 'historyRetention: &quot;P3Y&quot;', 'historyRetention: &quot;3 years&quot;');
    const r = await problems();
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      expect.stringMatching(
        /^workflows\/county-parameters\.bpmn:\d+ \[HISTORY_RETENTION\] historyRetention（办结事项运行明细保留期限）“3 years”不是 ISO 8601 期限.* \/ historyRetention "3 years" is not an ISO 8601 period/,
      ),
    ]);
  });
});
