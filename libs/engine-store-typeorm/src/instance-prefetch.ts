import type { RecordKind } from '@kcbx/engine';

type Row = Record<string, unknown> & { id: string };

/**
 * An instance whole in one round trip, for a read that shows all of it (an instance's page, which a start answers
 * with): the instance, and its executions, variables, history and open incidents. Read one statement each, that
 * page cost five round trips, once for every case a clerk starts.
 */
export const INSTANCE_VIEW_SQL = `
  SELECT (SELECT row_to_json(i) FROM bpmn_instance i WHERE i."id" = $1) AS instance,
         (SELECT json_agg(e ORDER BY e."id") FROM bpmn_execution e WHERE e."instanceId" = $1) AS execution,
         (SELECT json_agg(v ORDER BY v."id") FROM bpmn_variable v WHERE v."instanceId" = $1) AS variable,
         (SELECT json_agg(h ORDER BY h."id") FROM bpmn_history h WHERE h."instanceId" = $1) AS history,
         (SELECT json_agg(x ORDER BY x."id") FROM bpmn_incident x WHERE x."instanceId" = $1 AND x."state" = 'open') AS incident`;

type Raw = { instance: Row | null; execution: Row[] | null; variable: Row[] | null; history: Row[] | null; incident: Row[] | null };

/** What was read, and which reads it answers completely (undefined: ask the database). */
export class InstanceSnapshot {
  private constructor(
    private readonly instance: Row,
    /** executions, variables and history: all of the instance's */
    private readonly rows: Map<RecordKind, Row[]>,
    /** only the open ones */
    private readonly openIncidents: Row[],
  ) {}

  static of(raw: Raw): InstanceSnapshot | null {
    if (!raw.instance) return null;
    const rows = new Map<RecordKind, Row[]>([
      ['execution', raw.execution ?? []],
      ['variable', raw.variable ?? []],
      ['history', raw.history ?? []],
    ]);
    return new InstanceSnapshot(raw.instance, rows, raw.incident ?? []);
  }

  get(kind: RecordKind, id: string): Row | undefined {
    return kind === 'instance' && id === this.instance.id ? { ...this.instance } : undefined;
  }

  /** rows of this instance, in id order like the database's ORDER BY "id"; incidents only when asked for open ones */
  find(kind: RecordKind, filter: Record<string, unknown>): Row[] | undefined {
    if (filter.instanceId !== this.instance.id) return undefined;
    const rows = kind === 'incident' ? (filter.state === 'open' ? this.openIncidents : undefined) : this.rows.get(kind);
    if (!rows) return undefined;
    return rows.filter((r) => Object.entries(filter).every(([k, v]) => v === undefined || (r[k] ?? null) === v)).map((r) => ({ ...r }));
  }
}
