import { type Engine, NotFoundError } from '@kcbx/engine';

/** The bureau staff's township visit procedure (包抓走访). */
export const TOWNSHIP_VISIT_PROCESS = 'township-visit';

/**
 * The roles that may record a 包抓 visit: the starter roles of the county's latest township visit procedure. Null
 * when the county has not deployed it (or it names none); then the assignment rules fall back to report readers.
 */
export async function visitRoles(engine: Engine<unknown>, tenantId: string): Promise<string[] | null> {
  try {
    const start = await engine.startSpec(tenantId, TOWNSHIP_VISIT_PROCESS);
    return start?.spec.starterGroups.length ? start.spec.starterGroups : null;
  } catch (e) {
    if (e instanceof NotFoundError) return null;
    throw e;
  }
}
