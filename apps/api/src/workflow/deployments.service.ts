import { Injectable } from '@nestjs/common';
import { DeploymentError, Engine } from '@kcbx/engine';
import { FormDefinition } from '@kcbx/forms';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import { Principal } from '../identity/principal';
import { formReferences } from './form-references';
import { FormsService, ResourceProblem } from './forms.service';

export interface Resource {
  name: string;
  content: string;
}

const MAX_RESOURCES = 200;

/**
 * Deploys forms and procedures together. Everything is checked before anything is stored: form files
 * against the form meta-schema, BPMN through the engine's hardened intake and validation, and every form a
 * user task names must exist (in this deployment or already published). One refused file refuses all.
 */
@Injectable()
export class DeploymentsService {
  constructor(
    private readonly ds: DataSource,
    private readonly engine: Engine,
    private readonly forms: FormsService,
  ) {}

  /** `dryRun`: every check, then report what would be stored (versions included) and store nothing. */
  async deploy(p: Principal, resources: Resource[], dryRun = false) {
    if (resources.length === 0 || resources.length > MAX_RESOURCES) {
      throw refused([
        { resource: '', message: `一次部署须包含 1 到 ${MAX_RESOURCES} 个文件 / a deployment holds 1 to ${MAX_RESOURCES} files` },
      ]);
    }
    const problems: ResourceProblem[] = [];
    const forms: FormDefinition[] = [];
    const bpmn: Resource[] = [];
    for (const r of resources) {
      if (r.name.endsWith('.form.json')) {
        const checked = this.forms.check(r.name, r.content);
        problems.push(...checked.problems);
        if (checked.definition) forms.push(checked.definition);
      } else if (r.name.endsWith('.bpmn') || r.name.endsWith('.bpmn20.xml')) {
        bpmn.push(r);
      } else {
        problems.push({ resource: r.name, message: '只能部署 .bpmn 和 .form.json 文件 / only .bpmn and .form.json files can be deployed' });
      }
    }
    const known = new Set(forms.map((f) => f.key));
    for (const r of bpmn) {
      for (const ref of formReferences(r.content)) {
        if (known.has(ref.formKey) || (await this.forms.exists(this.ds.manager, p.tenantId, ref.formKey))) continue;
        problems.push({
          resource: r.name,
          elementId: ref.elementId ?? undefined,
          line: ref.line,
          message: `引用的表单“${ref.formKey}”不存在 / form "${ref.formKey}" is not deployed`,
        });
      }
    }
    // the BPMN files' own problems too, so an author sees the whole list at once
    if (bpmn.length) {
      for (const x of await this.engine.checkDeployment(bpmn)) {
        problems.push({ resource: x.resource, elementId: x.elementId, line: x.line, message: `${x.messageZh} / ${x.message}` });
      }
    }
    if (problems.length) throw refused(problems);
    if (dryRun) return this.plan(p, bpmn, forms);
    let processDefinitions: { id: string; key: string; version: number }[] = [];
    if (bpmn.length) {
      try {
        const deployed = await this.engine.deploy({ tenantId: p.tenantId, resources: bpmn });
        processDefinitions = deployed.map((d) => ({ id: d.id, key: d.key, version: d.version }));
      } catch (e) {
        if (e instanceof DeploymentError) {
          throw refused(
            e.problems.map((x) => ({
              resource: x.resource,
              elementId: x.elementId,
              line: x.line,
              message: `${x.messageZh} / ${x.message}`,
            })),
          );
        }
        throw e;
      }
    }
    const published = await this.ds.transaction(async (m) => {
      const out = [];
      for (const f of forms) out.push(await this.forms.publish(m, p.tenantId, p.userId, f));
      return out;
    });
    return { id: randomUUID(), processDefinitions, forms: published.map((f) => ({ key: f.key, version: f.version })) };
  }

  private async plan(p: Principal, bpmn: Resource[], forms: FormDefinition[]) {
    let processDefinitions: { key: string; version: number; name: string | null; isNew: boolean }[] = [];
    if (bpmn.length) {
      try {
        const planned = await this.engine.planDeployment({ tenantId: p.tenantId, resources: bpmn });
        processDefinitions = planned.map((d) => ({ key: d.key, version: d.version, name: d.name, isNew: d.isNew }));
      } catch (e) {
        if (e instanceof DeploymentError) {
          throw refused(
            e.problems.map((x) => ({
              resource: x.resource,
              elementId: x.elementId,
              line: x.line,
              message: `${x.messageZh} / ${x.message}`,
            })),
          );
        }
        throw e;
      }
    }
    const planned = [];
    for (const f of forms) planned.push(await this.forms.plan(this.ds.manager, p.tenantId, f));
    return { id: null, dryRun: true, processDefinitions, forms: planned };
  }
}

function refused(details: ResourceProblem[]): AppError {
  return new AppError(
    'DEPLOYMENT_REFUSED',
    400,
    { zh: `部署被拒绝：共 ${details.length} 个问题`, en: `Deployment refused: ${details.length} problem(s)` },
    details,
  );
}
