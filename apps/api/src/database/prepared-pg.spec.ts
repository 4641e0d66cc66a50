import { statementName } from './prepared-pg';

describe('prepared statements on PostgreSQL', () => {
  it('names a data statement by its text, the same name every time', () => {
    const text = 'SELECT * FROM bpmn_task WHERE "id" = $1';
    expect(statementName(text)).toMatch(/^k[\w-]{20}$/);
    expect(statementName(text)).toBe(statementName(text));
    expect(statementName('SELECT * FROM bpmn_task WHERE "instanceId" = $1')).not.toBe(statementName(text));
    expect(statementName('  with x as (select 1) select * from x')).toBeDefined();
  });

  it('leaves DDL, transaction control and statements that begin with a comment unprepared', () => {
    for (const text of [
      'START TRANSACTION',
      'COMMIT',
      'CREATE TABLE t (id int)',
      'ANALYZE',
      'SET LOCAL lock_timeout = 1000',
      '/* planned per call */ WITH u0 AS (UPDATE t SET x = 1) SELECT 1',
    ]) {
      expect(statementName(text)).toBeUndefined();
    }
  });
});
