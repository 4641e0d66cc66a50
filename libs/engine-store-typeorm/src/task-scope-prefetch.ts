import type { RecordKind } from '@kcbx/engine';

type Row = Record<string, unknown> & { id: string };

/**
 * A task's whole instance in one round trip: the task, its instance, and every execution and variable of the
 * instance. Completing a task read these one statement at a time (task, its execution, the instance, the
 * parent scope, the variables, the children): five or six round trips before any work, each of them felt
 * when fifty clerks complete at once.
 */
export const TASK_SCOPE_SQL = `
  WITH t AS (SELECT * FROM bpmn_task WHERE "id" = $1)
  SELECT (SELECT row_to_json(t) FROM t) AS task,
         (SELECT row_to_json(i) FROM bpmn_instance i, t WHERE i."id" = t."instanceId") AS instance,
         (SELECT json_agg(e ORDER BY e."id") FROM bpmn_execution e, t WHERE e."instanceId" = t."instanceId") AS executions,
         (SELECT json_agg(v ORDER BY v."id") FROM bpmn_variable v, t WHERE v."instanceId" = t."instanceId") AS variables`;

/** What was read, and which `find` filters it answers completely. */
export class TaskScope {
  constructor(
    readonly instanceId: string,
    private readonly executions: Row[],
    private readonly variables: Row[],
  ) {}

  static of(raw: { task: Row | null; instance: Row | null; executions: Row[] | null; variables: Row[] | null }): {
    rows: [RecordKind, Row][];
    scope: TaskScope | null;
  } {
    if (!raw.task || !raw.instance) return { rows: raw.task ? [['task', raw.task]] : [], scope: null };
    const executions = raw.executions ?? [];
    const rows: [RecordKind, Row][] = [
      ['task', raw.task],
      ['instance', raw.instance],
      ...executions.map((e): [RecordKind, Row] => ['execution', e]),
    ];
    return { rows, scope: new TaskScope(raw.instance.id, executions, raw.variables ?? []) };
  }

  /**
   * The stored rows for `filter`, in id order, when this scope holds all of them: variables or executions of
   * this instance, or the child executions of one of its executions. Undefined means "ask the database".
   */
  find(kind: RecordKind, filter: Record<string, unknown>): Row[] | undefined {
    const rows = kind === 'variable' ? this.variables : kind === 'execution' ? this.executions : undefined;
    if (!rows) return undefined;
    const ownInstance = filter.instanceId === this.instanceId;
    const childrenOfOurs =
      kind === 'execution' && typeof filter.parentId === 'string' && this.executions.some((e) => e.id === filter.parentId);
    if (!ownInstance && !childrenOfOurs) return undefined;
    return rows.filter((r) => Object.entries(filter).every(([k, v]) => v === undefined || (r[k] ?? null) === v)).map((r) => ({ ...r }));
  }
}
