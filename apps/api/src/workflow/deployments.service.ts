import { parseDmn } from '@kcbx/dmn';
import { DecisionsRepository } from './decisions.repository';
import { Injectable } from '@nestjs/common';
import { DeploymentError, Engine } from '@kcbx/engine';
import { FormDefinition } from '@kcbx/forms';
import { randomUUID } from 'crypto';
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
    private readonly engine: Engine,
    private readonly forms: FormsService,
    private readonly decisions: DecisionsRepository,
  ) {}

  /** the latest version of each decision the .dmn resources hold (to say which a deployment made new) */
  private async decisionVersions(tenantId: string, resources: Resource[]): Promise<Map<string, number>> {
    const keys = new Set<string>();
    for (const r of resources.filter((x) => x.name.endsWith('.dmn'))) {
      for (const id of (await parseDmn(r.content)).decisions.keys()) keys.add(id);
    }
    const out = new Map<string, number>();
    if (!keys.size) return out;
    for (const d of await this.decisions.versions(tenantId)) if (keys.has(d.key) && !out.has(d.key)) out.set(d.key, d.version);
    for (const key of keys) if (!out.has(key)) out.set(key, 0);
    return out;
  }

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
      } else if (r.name.endsWith('.bpmn') || r.name.endsWith('.bpmn20.xml') || r.name.endsWith('.dmn')) {
        bpmn.push(r); // decision tables (.dmn) go to the engine with the procedures that call them
      } else {
        problems.push({
          resource: r.name,
          message: '只能部署 .bpmn、.dmn 和 .form.json 文件 / only .bpmn, .dmn and .form.json files can be deployed',
        });
      }
    }
    const known = new Set(forms.map((f) => f.key));
    for (const r of bpmn) {
      for (const ref of formReferences(r.content)) {
        if (known.has(ref.formKey) || (await this.forms.exists(p.tenantId, ref.formKey))) continue;
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
    let processDefinitions: { id: string; key: string; version: number; isNew: boolean }[] = [];
    const decisionsBefore = await this.decisionVersions(p.tenantId, bpmn);
    if (bpmn.length) {
      try {
        const deployed = await this.engine.deploy({ tenantId: p.tenantId, resources: bpmn });
        processDefinitions = deployed.map((d) => ({ id: d.id, key: d.key, version: d.version, isNew: d.isNew }));
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
    const published = await this.forms.publishAll(p.tenantId, p.userId, forms);
    const formVersions = published.map((f) => ({ key: f.key, version: f.version, isNew: f.isNew }));
    // Same content (same hash) is the version already there, not a new one: the response says so, so 部署 of an
    // unchanged procedure is not mistaken for a new version (and running cases are not split across two).
    const decisionsAfter = await this.decisionVersions(p.tenantId, bpmn);
    const decisions = [...decisionsAfter].map(([key, version]) => ({ key, version, isNew: version !== decisionsBefore.get(key) }));
    const unchanged = [...processDefinitions, ...formVersions, ...decisions].every((d) => !d.isNew);
    return {
      id: randomUUID(),
      unchanged,
      message: unchanged
        ? { zh: '内容未改变，未生成新版本', en: 'Nothing changed: no new version was made' }
        : { zh: `已部署：${describe(processDefinitions, formVersions, decisions)}`, en: 'Deployed' },
      processDefinitions,
      forms: formVersions,
      decisions,
    };
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
    for (const f of forms) planned.push(await this.forms.plan(p.tenantId, f));
    return { id: null, dryRun: true, processDefinitions, forms: planned };
  }
}

/** "流程 a v3（新版本），表单 b v2（未改变）" — what a deployment did, per file */
function describe(
  processes: { key: string; version: number; isNew: boolean }[],
  forms: { key: string; version: number; isNew: boolean }[],
  decisions: { key: string; version: number; isNew: boolean }[] = [],
) {
  const line = (kind: string, d: { key: string; version: number; isNew: boolean }) =>
    `${kind} ${d.key} v${d.version}（${d.isNew ? '新版本' : '未改变'}）`;
  return [...processes.map((d) => line('流程', d)), ...forms.map((d) => line('表单', d)), ...decisions.map((d) => line('决策表', d))].join(
    '，',
  );
}

function refused(details: ResourceProblem[]): AppError {
  return new AppError('DEPLOYMENT_REFUSED', { count: details.length }, details);
}
