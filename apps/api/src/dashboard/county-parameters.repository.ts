import { Injectable } from '@nestjs/common';
import { type DefinitionRecord, Engine, MemoryStore } from '@kcbx/engine';
import { ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
import { DataSource } from 'typeorm';

/** The county's procedure parameters (workflows/county-parameters.bpmn), the one place a county sets them. */
export const COUNTY_PARAMETERS_PROCESS = 'county-parameters';

/**
 * The parameters as the county's latest deployed `county-parameters` procedure computes them, for figures read
 * outside a procedure (the dashboard's 包抓 visits per month). The procedure runs on a throw-away in-memory engine,
 * so nothing is stored and the answer is exactly what the procedures themselves get.
 */
@Injectable()
export class CountyParametersRepository {
  /** Parameters per deployed definition: a deployed version never changes, so its answer can be kept. */
  private readonly byDefinition = new Map<string, Record<string, unknown>>();

  constructor(private readonly ds: DataSource) {}

  /** Null when the county has not deployed its parameters. */
  async parameters(tenantId: string): Promise<Record<string, unknown> | null> {
    const def = await this.ds
      .getRepository<DefinitionRecord>(ENGINE_SCHEMAS.definition)
      .findOne({ where: { tenantId, key: COUNTY_PARAMETERS_PROCESS }, order: { version: 'DESC' } });
    if (!def) return null;
    const known = this.byDefinition.get(def.id);
    if (known) return known;
    const engine = new Engine({ store: new MemoryStore() });
    await engine.deploy({ tenantId, resources: [{ name: `${COUNTY_PARAMETERS_PROCESS}.bpmn`, content: def.xml }] });
    const instance = await engine.startProcess({ tenantId, key: COUNTY_PARAMETERS_PROCESS });
    const vars = await engine.getVariables(tenantId, instance.id);
    const parameters = vars.parameters && typeof vars.parameters === 'object' ? (vars.parameters as Record<string, unknown>) : {};
    this.byDefinition.set(def.id, parameters);
    return parameters;
  }

  /** 每月不少于 N 次: the county's `visitsPerMonth` (a whole number of at least 1), or null when it is not set. */
  async visitsPerMonth(tenantId: string): Promise<number | null> {
    const n = (await this.parameters(tenantId))?.visitsPerMonth;
    return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : null;
  }
}
