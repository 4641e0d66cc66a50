import { Injectable } from '@nestjs/common';
import { DeploymentError, type DefinitionRecord, Engine, MemoryStore } from '@kcbx/engine';
import { ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
import { DataSource } from 'typeorm';
import { FormDefinitionRow } from '../database/entities';
import { formReferences } from '../workflow/form-references';
import { FormsService, versionHash } from '../workflow/forms.service';
import { CountyPackage, emptyTally, PackageProblem, Tally } from './county-package.model';

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
    private readonly ds: DataSource,
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
      count(out.forms, await this.latestFormHash(tenantId, checked.definition.key), versionHash(checked.definition));
    }
    const engine = new Engine({ store: new MemoryStore() });
    for (const wf of pkg.workflows) {
      if (!/\.(bpmn|bpmn20\.xml)$/.test(wf.name)) {
        out.problems.push({ section: 'workflows', item: wf.name, message: '流程文件须以 .bpmn 结尾 / a procedure file must end in .bpmn' });
        continue;
      }
      try {
        const deployed = await engine.deploy({ tenantId, resources: [{ name: wf.name, content: wf.content }] });
        for (const d of deployed) count(out.workflows, await this.latestXml(tenantId, d.key), wf.content.replace(/^\uFEFF/, ''));
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
        if (keys.has(ref.formKey) || (await this.formsService.exists(this.ds.manager, tenantId, ref.formKey))) continue;
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

  private async latestFormHash(tenantId: string, key: string): Promise<string | null> {
    const row = await this.ds.getRepository(FormDefinitionRow).findOne({ where: { tenantId, key }, order: { version: 'DESC' } });
    return row?.hash ?? null;
  }

  private async latestXml(tenantId: string, key: string): Promise<string | null> {
    const row = await this.ds
      .getRepository<DefinitionRecord>(ENGINE_SCHEMAS.definition)
      .findOne({ where: { tenantId, key }, order: { version: 'DESC' } });
    return row?.xml ?? null;
  }
}

function count(t: Tally, existing: string | null, incoming: string) {
  if (existing === null) t.created++;
  else if (existing === incoming) t.unchanged++;
  else t.updated++;
}
