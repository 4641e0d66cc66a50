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

  it('ships the six procedures with the keys other parts rely on', () => {
    expect(bpmn.map((r) => r.name).sort()).toEqual([
      'county-parameters.bpmn',
      'deferral-suspension.bpmn',
      'home-teaching.bpmn',
      'home-visit.bpmn',
      'persuasion-return.bpmn',
      'rectification-batch.bpmn',
      'rectification-item.bpmn',
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
