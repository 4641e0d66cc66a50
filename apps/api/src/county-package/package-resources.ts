import { Injectable } from '@nestjs/common';
import { DeploymentError, Engine, MemoryStore } from '@kcbx/engine';
import { formReferences } from '../workflow/form-references';
import { FormsService, versionHash } from '../workflow/forms.service';
import { CountyPackage, emptyTally, PackageProblem, Tally } from './county-package.model';
import { CountyPackageRepository } from './county-package.repository';

export interface ResourcePreview {
  forms: Tally;
  workflows: Tally;
  problems: PackageProblem[];
  /** what a deployment takes: forms as <key>.form.json, procedures as they came */
  resources: { name: string; content: string }[];
}

/**
 * Checks a package's forms and procedures without storing anything — forms with the deploy-time form check,
 * procedures through the engine on a throw-away in-memory store, form references against the package and
 * the county — and says which are new, changed or the same as the county's latest version.
 */
@Injectable()
export class PackageResources {
  constructor(
    private readonly county: CountyPackageRepository,
    private readonly formsService: FormsService,
  ) {}

  async preview(tenantId: string, pkg: CountyPackage): Promise<ResourcePreview> {
    const out: ResourcePreview = { forms: emptyTally(), workflows: emptyTally(), problems: [], resources: [] };
    const keys = new Set<string>();
    for (const form of pkg.forms) {
      const name = `${typeof form.key === 'string' ? form.key : 'form'}.form.json`;
      const content = JSON.stringify(form, null, 2);
      const checked = this.formsService.check(name, content);
      for (const p of checked.problems) out.problems.push({ section: 'forms', item: name, line: p.line, message: p.message });
      if (!checked.definition) continue;
      keys.add(checked.definition.key);
      out.resources.push({ name, content });
      count(out.forms, await this.county.latestFormHash(tenantId, checked.definition.key), versionHash(checked.definition));
    }
    const engine = new Engine({ store: new MemoryStore() });
    for (const wf of pkg.workflows) {
      if (!/\.(bpmn|bpmn20\.xml|dmn)$/.test(wf.name)) {
        out.problems.push({
          section: 'workflows',
          item: wf.name,
          message: '流程文件须以 .bpmn 结尾，决策表以 .dmn 结尾 / a procedure file ends in .bpmn, a decision table in .dmn',
        });
        continue;
      }
      try {
        const deployed = await engine.deploy({ tenantId, resources: [{ name: wf.name, content: wf.content }] });
        for (const d of deployed)
          count(out.workflows, await this.county.latestProcedureXml(tenantId, d.key), wf.content.replace(/^\uFEFF/, ''));
        out.resources.push({ name: wf.name, content: wf.content });
      } catch (e) {
        if (!(e instanceof DeploymentError)) throw e;
        for (const p of e.problems) {
          out.problems.push({
            section: 'workflows',
            item: wf.name,
            line: p.line,
            message: `${p.elementId ? `${p.elementId}: ` : ''}${p.messageZh} / ${p.message}`,
          });
        }
        continue;
      }
      for (const ref of formReferences(wf.content)) {
        if (keys.has(ref.formKey) || (await this.formsService.exists(tenantId, ref.formKey))) continue;
        out.problems.push({
          section: 'workflows',
          item: wf.name,
          line: ref.line,
          message: `${ref.elementId ?? ''}: 引用的表单“${ref.formKey}”不存在 / form "${ref.formKey}" is neither in the package nor deployed`,
        });
      }
    }
    return out;
  }
}

function count(t: Tally, existing: string | null, incoming: string) {
  if (existing === null) t.created++;
  else if (existing === incoming) t.unchanged++;
  else t.updated++;
}
