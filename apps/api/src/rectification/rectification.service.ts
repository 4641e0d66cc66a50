import { Injectable } from '@nestjs/common';
import { RECTIFICATION_STAGES, type RectificationItemList, type RectificationItemRow, type RectificationStage } from '@kcbx/api-contract';
import { Errors } from '../common/app-error';
import { Principal } from '../identity/principal';
import { InstanceLinksService } from '../workflow/instance-links.service';
import { ItemFacts, RectificationRepository } from './rectification.repository';

/**
 * The inspectorate's list of rectification items (督导室: 检查督导反馈问题整改落实情况). The items are the county
 * package's `rectification-item` cases; where each stands is read from the case by the model's element ids
 * (workflows/rectification-item.bpmn says which): rectify, verify, archive, countFailure, supervise,
 * accountability, signedOff. A county that renames them changes what this list can tell.
 */
@Injectable()
export class RectificationService {
  constructor(
    private readonly repo: RectificationRepository,
    private readonly links: InstanceLinksService,
  ) {}

  async items(
    p: Principal,
    filter: { stage?: string; substandard?: boolean; page: number; pageSize: number },
  ): Promise<RectificationItemList> {
    // for the county bureau's offices: a reading role (report.read) held at the county itself
    const county = p.assignments.filter((a) => a.orgUnitKind === 'county' && a.permissions.includes('report.read'));
    if (county.length === 0) throw Errors.forbidden('FORBIDDEN/county-office-only');
    if (filter.stage && !(RECTIFICATION_STAGES as readonly string[]).includes(filter.stage))
      throw Errors.validation([
        { field: 'stage', message: `阶段应为 ${RECTIFICATION_STAGES.join(' / ')} 之一 / stage must be one of them` },
      ]);
    await this.links.catchUp(p.tenantId);
    const facts = await this.repo.items(
      p.tenantId,
      'rectification-item',
      county.map((a) => a.orgUnitPath),
    );
    const units = await this.repo.unitsByPath(
      p.tenantId,
      facts.map((f) => f.orgUnitPath),
    );
    const all = facts.map((f) => row(f, units.get(f.orgUnitPath)));
    const counts = Object.fromEntries(
      RECTIFICATION_STAGES.map((s) => [s, all.filter((r) => r.stage === s).length]),
    ) as RectificationItemList['counts'];
    counts.substandard = all.filter((r) => r.substandard).length;
    counts.overdue = all.filter((r) => r.overdue).length;
    const shown = all.filter(
      (r) => (!filter.stage || r.stage === filter.stage) && (filter.substandard === undefined || r.substandard === filter.substandard),
    );
    const start = (filter.page - 1) * filter.pageSize;
    return { total: shown.length, counts, items: shown.slice(start, start + filter.pageSize) };
  }
}

const text = (v: unknown) => (typeof v === 'string' ? v : null);

function stageOf(f: ItemFacts): RectificationStage {
  if (f.instance.state === 'terminated') return 'terminated';
  if (f.instance.state === 'completed' || f.entered.has('signedOff')) return 'signed-off';
  const open = new Set(f.openTasks.map((t) => t.activityId));
  if (open.has('archive')) return 'archiving';
  if (open.has('verify')) return 'verifying';
  return 'rectifying';
}

function row(f: ItemFacts, unit: { code: string; name: string } | undefined): RectificationItemRow {
  const open = f.openTasks.map((t) => t.activityId);
  return {
    instanceId: f.instance.id,
    problem: text(f.started.problem),
    orgUnit: unit?.code ?? text(f.started.orgUnit),
    orgUnitName: unit?.name ?? null,
    responsibleRole: text(f.started.responsibleRole),
    responsiblePerson: text(f.started.responsiblePerson),
    deadline: text(f.started.deadline),
    stage: stageOf(f),
    openSteps: [...new Set(f.openTasks.map((t) => t.name ?? t.activityId))],
    overdue: f.entered.has('supervise'),
    verifyFailures: f.entered.get('countFailure') ?? 0,
    substandard: f.entered.has('accountability'),
    accountability: open.includes('accountability') ? 'pending' : f.completed.has('accountability') ? 'recorded' : 'none',
    startedAt: new Date(Number(f.instance.startedAt)).toISOString(),
    endedAt: f.instance.endedAt ? new Date(Number(f.instance.endedAt)).toISOString() : null,
  };
}
