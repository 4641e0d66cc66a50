import { Injectable } from '@nestjs/common';
import type { InstanceMigrationResult } from '@kcbx/api-contract';
import { Engine } from '@kcbx/engine';
import { Errors } from '../common/app-error';
import { hasPermission, type Principal } from '../identity/principal';
import { InstanceMigrationRepository } from './instance-migration.repository';

/**
 * Moving a procedure's running cases to a newer version (#18): every case whose current steps exist in the
 * target moves; the rest stay on their version and are listed with the steps the target lacks. Policy designers
 * and administrators only; both versions must be this county's and of the same procedure.
 */
@Injectable()
export class InstanceMigrationService {
  constructor(
    private readonly engine: Engine,
    private readonly links: InstanceMigrationRepository,
  ) {}

  async migrate(p: Principal, fromDefinitionId: string, toDefinitionId: string, dryRun = false): Promise<InstanceMigrationResult> {
    if (!hasPermission(p, 'design') && !hasPermission(p, 'admin')) throw Errors.forbidden('FORBIDDEN/repair-designers-only');
    const from = await this.engine.getDefinition(p.tenantId, fromDefinitionId);
    if (!from) throw Errors.notFound('processDefinition', fromDefinitionId);
    const to = await this.engine.getDefinition(p.tenantId, toDefinitionId);
    if (!to) throw Errors.notFound('processDefinition', toDefinitionId);
    const result = await this.engine.migrateInstances({
      tenantId: p.tenantId,
      fromDefinitionId,
      toDefinitionId,
      userId: p.userId,
      dryRun,
      sideWrites: dryRun ? undefined : this.links.moveLinksIn(p.tenantId, to.version),
    });
    const elements = (await this.engine.model(from)).elements;
    const stepName = (id: string) => elements.get(id)?.name ?? id;
    return {
      dryRun,
      key: from.key,
      fromVersion: from.version,
      toVersion: to.version,
      migrated: result.migrated.length,
      migratedIds: result.migrated,
      refused: result.refused.map((r) => ({ ...r, missingSteps: r.missing.map(stepName) })),
    };
  }
}
