import { Engine, MemoryStore } from '@kcbx/engine';
import { parseFormDefinition } from '@kcbx/forms';
import * as fs from 'fs';
import * as path from 'path';
import { formReferences } from '../workflow/form-references';
import { packageDir, packageResources, repositoryRoot } from './package-files';

/**
 * The shipped county packages hold together before any server sees them: every form parses, every
 * procedure deploys on the engine, every form a step names is in the package, and every role a step or a
 * start event names literally is one of the county's roles (counties/<code>/roles.json).
 */
describe.each(['640422', '640423'])('county package %s', (county) => {
  const resources = packageResources(packageDir(county));
  const forms = resources.filter((r) => r.name.endsWith('.form.json'));
  const bpmn = resources.filter((r) => r.name.endsWith('.bpmn'));
  const roles = new Set<string>(
    JSON.parse(fs.readFileSync(path.join(repositoryRoot(), 'counties', county, 'roles.json'), 'utf8')).map((r: { key: string }) => r.key),
  );

  it('ships the seven procedures with the keys other parts rely on', () => {
    expect(bpmn.map((r) => r.name).sort()).toEqual([
      'county-parameters.bpmn',
      'deferral-suspension.bpmn',
      'home-teaching.bpmn',
      'home-visit.bpmn',
      'persuasion-return.bpmn',
      'rectification-batch.bpmn',
      'rectification-item.bpmn',
      'student-support.bpmn',
      'township-visit.bpmn',
    ]);
  });

  it('has forms that parse, each named after its key, with zh and en titles', () => {
    for (const f of forms) {
      const parsed = parseFormDefinition(f.content, f.name);
      expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      const definition = JSON.parse(f.content);
      expect(`${definition.key}.form.json`).toBe(f.name);
      expect(Object.keys(definition.title).sort()).toEqual(['en', 'zh']);
    }
  });

  it('deploys on the engine, with every referenced form and every named role present', async () => {
    const engine = new Engine({ store: new MemoryStore() });
    engine.registerServiceHandler('set-ledger-status', async () => ({}));
    const deployed = await engine.deploy({ tenantId: county, resources: bpmn });
    expect(deployed.map((d) => d.key).sort()).toEqual(bpmn.map((r) => r.name.replace('.bpmn', '')).sort());
    const formKeys = new Set(forms.map((f) => f.name.replace('.form.json', '')));
    const checked: string[] = [];
    for (const r of bpmn) {
      for (const ref of formReferences(r.content))
        expect([r.name, ref.formKey, formKeys.has(ref.formKey)]).toEqual([r.name, ref.formKey, true]);
      // literal role lists (FEEL ones, "=[step.role]", come from county-parameters and are checked there below)
      for (const m of r.content.matchAll(/(?:candidateGroups|name="starterGroups" value)="([^="][^"]*)"/g)) {
        for (const role of m[1].split(',').map((s) => s.trim())) {
          expect([r.name, role, roles.has(role)]).toEqual([r.name, role, true]);
          checked.push(role);
        }
      }
    }
    const parameters = bpmn.find((r) => r.name === 'county-parameters.bpmn')!.content;
    const ladderRoles = [...parameters.matchAll(/(?:role|persuasionFinalRole): &quot;([a-z-]+)&quot;/g)].map((m) => m[1]);
    for (const role of ladderRoles) expect([role, roles.has(role)]).toEqual([role, true]);
    expect(checked.length).toBeGreaterThan(20);
    expect(ladderRoles.length).toBeGreaterThanOrEqual(5);
  });
});

/**
 * "12357": the seed names the mechanism without saying whether 1, 2, 3, 5, 7 are each step's own days or day marks
 * counted from discovery. Both readings are one county parameter (persuasionDayCounting); the ladder — step titles
 * and limits — is derived from the steps' days, so no title hard-codes "（7日内）".
 */
describe('the persuasion ladder derived from the county parameters', () => {
  type Step = { no: number; title: string; role: string; limit: string };
  const ladderOf = async (county: string, counting?: 'per-step' | 'from-discovery') => {
    const file = packageResources(packageDir(county)).find((r) => r.name === 'county-parameters.bpmn')!;
    const content = counting
      ? file.content.replace(/persuasionDayCounting: &quot;[a-z-]+&quot;/, `persuasionDayCounting: &quot;${counting}&quot;`)
      : file.content;
    const engine = new Engine({ store: new MemoryStore() });
    await engine.deploy({ tenantId: county, resources: [{ name: file.name, content }] });
    const { id } = await engine.startProcess({ tenantId: county, key: 'county-parameters' });
    const { parameters } = (await engine.getVariables(county, id)) as {
      parameters: { persuasionDayCounting: string; persuasionLadder: Step[] };
    };
    return parameters;
  };

  it('given Xiji as shipped (per-step: each step its own days), then the steps take 1, 2, 3, 5 and 7 days and say so', async () => {
    const p = await ladderOf('640422');
    expect(p.persuasionDayCounting).toBe('per-step');
    expect(p.persuasionLadder.map((s) => [s.no, s.limit, s.title])).toEqual([
      [1, 'P1D', '班主任家访劝返（1日内）'],
      [2, 'P2D', '校领导会同村委会入户劝返（2日内）'],
      [3, 'P3D', '学校书面报告乡镇，乡镇介入（3日内）'],
      [4, 'P5D', '乡镇下达限期复学通知书（5日内）'],
      [5, 'P7D', '县教体局督办（7日内）'],
    ]);
  });

  it('given Xiji read as day marks from discovery, then the steps end on days 1, 2, 3, 5 and 7 and the titles count from discovery', async () => {
    const p = await ladderOf('640422', 'from-discovery');
    expect(p.persuasionLadder.map((s) => [s.limit, s.title])).toEqual([
      ['P1D', '班主任家访劝返（发现之日起1日内）'],
      ['P1D', '校领导会同村委会入户劝返（发现之日起2日内）'],
      ['P1D', '学校书面报告乡镇，乡镇介入（发现之日起3日内）'],
      ['P2D', '乡镇下达限期复学通知书（发现之日起5日内）'],
      ['P2D', '县教体局督办（发现之日起7日内）'],
    ]);
    expect(p.persuasionLadder.map((s) => s.role)).toEqual((await ladderOf('640422')).persuasionLadder.map((s) => s.role));
  });

  it.each(['640422', '640423'])('given county %s as shipped, then every step has a positive limit in days', async (county) => {
    const p = await ladderOf(county);
    for (const s of p.persuasionLadder) expect([s.no, s.limit]).toEqual([s.no, expect.stringMatching(/^P[1-9]\d*D$/)]);
  });
});
