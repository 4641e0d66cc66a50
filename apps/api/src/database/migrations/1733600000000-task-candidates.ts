import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, index } from './table-helpers';

/**
 * A task's candidate roles and users as rows (kind 'role' | 'user', one name each), so the visibility rule
 * (task-visibility/) is an indexed join instead of `LIKE '%"role"%'` on the task's JSON text. The engine keeps
 * writing its JSON columns; triggers on bpmn_task keep these rows in the same transaction, whichever process or
 * statement shape (the PostgreSQL store's batched CTEs included) wrote the task. Existing tasks are copied once.
 */
export class TaskCandidates1733600000000 implements MigrationInterface {
  name = 'TaskCandidates1733600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'task_candidate',
        columns: [
          { ...col.ref('taskId'), isPrimary: true },
          { ...col.text('kind', 4), isPrimary: true },
          { ...col.text('name', 255), isPrimary: true },
          col.ref('tenantId'),
        ],
        indices: [index('ix_task_candidate_name', ['tenantId', 'kind', 'name'])],
      }),
    );
    const pg = q.connection.options.type === 'postgres';
    for (const statement of pg ? POSTGRES : SQLITE) await q.query(statement);
    await q.query(pg ? COPY_POSTGRES : COPY_SQLITE);
  }

  async down(q: QueryRunner): Promise<void> {
    const pg = q.connection.options.type === 'postgres';
    for (const name of ['task_candidate_insert', 'task_candidate_update', 'task_candidate_delete']) {
      await q.query(pg ? `DROP TRIGGER ${name} ON bpmn_task` : `DROP TRIGGER ${name}`);
    }
    if (pg) await q.query('DROP FUNCTION task_candidate_sync()');
    await q.dropTable('task_candidate');
  }
}

// The engine writes '[]' for none; '' and NULL are read the same, as the API always has (JSON.parse(x || '[]')).
const rows = (json: (column: string, alias: string) => string, task: string) => `
  SELECT ${task}.id, ${task}."tenantId", 'role', g.value FROM ${json(`${task}."candidateGroups"`, 'g')}
  UNION SELECT ${task}.id, ${task}."tenantId", 'user', u.value FROM ${json(`${task}."candidateUsers"`, 'u')}`;
const sqliteJson = (c: string, alias: string) => `json_each(COALESCE(NULLIF(${c}, ''), '[]')) AS ${alias}`;
const pgJson = (c: string, alias: string) => `json_array_elements_text(COALESCE(NULLIF(${c}, ''), '[]')::json) AS ${alias}(value)`;
const INSERT = 'INSERT INTO task_candidate ("taskId", "tenantId", kind, name)';
// A task row's only writes to these columns are at creation; the WHEN keeps claims and completions (which
// rewrite every column on PostgreSQL) from touching the candidate rows.
const CHANGED =
  'OLD."candidateGroups" IS DISTINCT FROM NEW."candidateGroups" OR OLD."candidateUsers" IS DISTINCT FROM NEW."candidateUsers"';

const SQLITE = [
  `CREATE TRIGGER task_candidate_insert AFTER INSERT ON bpmn_task BEGIN ${INSERT} ${rows(sqliteJson, 'NEW')}; END`,
  `CREATE TRIGGER task_candidate_update AFTER UPDATE OF "candidateGroups", "candidateUsers" ON bpmn_task
     WHEN ${CHANGED.replace(/IS DISTINCT FROM/g, 'IS NOT')}
   BEGIN DELETE FROM task_candidate WHERE "taskId" = OLD.id; ${INSERT} ${rows(sqliteJson, 'NEW')}; END`,
  `CREATE TRIGGER task_candidate_delete AFTER DELETE ON bpmn_task BEGIN DELETE FROM task_candidate WHERE "taskId" = OLD.id; END`,
];

const POSTGRES = [
  `CREATE FUNCTION task_candidate_sync() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP <> 'INSERT' THEN DELETE FROM task_candidate WHERE "taskId" = OLD.id; END IF;
     IF TG_OP <> 'DELETE' THEN ${INSERT} ${rows(pgJson, 'NEW')}; END IF;
     RETURN NULL;
   END $$`,
  'CREATE TRIGGER task_candidate_insert AFTER INSERT ON bpmn_task FOR EACH ROW EXECUTE FUNCTION task_candidate_sync()',
  `CREATE TRIGGER task_candidate_update AFTER UPDATE OF "candidateGroups", "candidateUsers" ON bpmn_task
     FOR EACH ROW WHEN (${CHANGED}) EXECUTE FUNCTION task_candidate_sync()`,
  'CREATE TRIGGER task_candidate_delete AFTER DELETE ON bpmn_task FOR EACH ROW EXECUTE FUNCTION task_candidate_sync()',
];

const COPY_SQLITE = `${INSERT} ${rows(sqliteJson, 't').replace(/FROM json_each/g, 'FROM bpmn_task AS t, json_each')}`;
const COPY_POSTGRES = `${INSERT} ${rows(pgJson, 't').replace(/FROM json_array_elements_text/g, 'FROM bpmn_task AS t, json_array_elements_text')}`;
