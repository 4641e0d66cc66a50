import { Injectable } from '@nestjs/common';
import type { InstanceLink } from '../database/entities';
import type { PendingRows } from '../database/row-insert';
import type { Tx } from '../database/transaction';
import { InstanceLinksRepository } from './instance-links.repository';

/**
 * Keeps `process_instance_link` (student and org-unit path per instance) complete. Starts through
 * `POST .../start` write their row in the start command's own transaction; instances started elsewhere — the
 * ledger's persuasion button, message and timer starts, call activities — are linked on the next read from the
 * variables their `instance-started` event recorded (`orgUnit`, `studentId`), so no start path can leave a case
 * unlisted.
 */
/** how far before the last catch-up the next one looks: a start's transaction commits well within it */
const CATCH_UP_MARGIN_MS = 15 * 60_000;

@Injectable()
export class InstanceLinksService {
  constructor(private readonly links: InstanceLinksRepository) {}

  /** per county, when this process last caught up */
  private readonly caughtUp = new Map<string, number>();

  /** `tx`: the start command's transaction (StartService writes the link in it), else none */
  async record(link: InstanceLink, tx?: Tx): Promise<void> {
    await this.links.insert(link, tx);
  }

  /** the start command's link, for its last write (`AuditService.inCommand`'s `alongside`) */
  pending(link: InstanceLink): PendingRows<InstanceLink> {
    return this.links.pending(link);
  }

  async catchUp(tenantId: string): Promise<void> {
    // The first catch-up of a process looks at every instance; later ones only at those started since the one
    // before (less a margin for a start committed late by another process): unlinked instances are new ones, and
    // reading all of a county's years of instances on every student file was its slowest part (#19).
    const now = Date.now();
    const last = this.caughtUp.get(tenantId);
    const missing = await this.links.unlinked(tenantId, last === undefined ? undefined : last - CATCH_UP_MARGIN_MS);
    this.caughtUp.set(tenantId, now);
    for (const instance of missing) {
      const started = await this.links.startEvent(instance.id);
      const variables = (JSON.parse(started?.data ?? '{}') as { variables?: Record<string, unknown> }).variables ?? {};
      const definition = await this.links.definition(instance.definitionId);
      const unit = typeof variables.orgUnit === 'string' ? await this.links.unit(tenantId, variables.orgUnit) : null;
      await this.links.insertUnlessThere({
        instanceId: instance.id,
        tenantId,
        definitionKey: instance.key,
        definitionVersion: definition?.version ?? 0,
        studentId: typeof variables.studentId === 'string' ? variables.studentId : null,
        orgUnitPath: unit?.path ?? '',
        startedBy: instance.startedBy,
        startedAt: new Date(instance.startedAt).toISOString(),
      });
    }
  }
}
