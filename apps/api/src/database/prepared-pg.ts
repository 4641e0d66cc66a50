import { createHash } from 'crypto';
import * as pg from 'pg';

/**
 * The `pg` driver TypeORM is given on PostgreSQL: the same module, except that every data statement is sent
 * as a named prepared statement. PostgreSQL then parses it once per connection and, after a few runs, reuses
 * its plan; unnamed statements are parsed and planned on every call, which under load cost about as much
 * PostgreSQL CPU as running them did (the inbox query alone has five joins to plan).
 *
 * Only statements that read or change rows are prepared (DDL and transaction control are not), and only the
 * first MAX_STATEMENTS distinct texts are named, so a query built with a varying number of placeholders
 * cannot grow the server's memory without bound. A schema change by another process invalidates the plans
 * PostgreSQL holds; it replans them on the next call, as it does after an ANALYZE of a table they read (so a
 * plan made while a table was small does not outlive its statistics: see statistics-upkeep.ts). A statement
 * that begins with a comment (`/* planned per call *\/ …`) stays unnamed and out of the name table.
 *
 * Reusing the parse is not enough: under plan_cache_mode=auto PostgreSQL keeps planning a statement anew at every
 * bind while it estimates a generic plan dearer than a custom one, and the inbox page's query stayed there — 0.85 ms
 * to plan, 0.06 ms to run, on every call — and so did every statement for its first five runs after each ANALYZE
 * (statistics-upkeep.ts runs one every few seconds under load). The API's sessions therefore plan named statements
 * once (`API_SESSION_OPTIONS`); ANALYZE still makes PostgreSQL replan them with the tables' new statistics. A
 * statement whose best plan depends on its values (a time bound over a large table) opts out with the comment above
 * *and* writes those values into its text as literals (numbers the API computed, never a client's text): under
 * force_generic_plan PostgreSQL plans even an unnamed statement generically while it has parameters, so the comment
 * alone kept the student file's link catch-up on a plan that read every instance (0.65–1.1 s at a five-year county).
 */
const PREPARABLE = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i;
const MAX_STATEMENTS = 2000;
const names = new Map<string, string>();

export function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= MAX_STATEMENTS || !PREPARABLE.test(text)) return undefined;
    name = `k${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Session settings of the API's connections: named statements use one generic plan per connection. PGOPTIONS (the
 * libpq variable, e.g. `-c plan_cache_mode=auto`) replaces them.
 */
export const API_SESSION_OPTIONS = process.env.PGOPTIONS ?? '-c plan_cache_mode=force_generic_plan';

type QueryArgs = Parameters<pg.Client['query']>;

class PreparingClient extends pg.Client {
  // pg's overloads cannot be restated one by one; the call is forwarded unchanged but for the name.
  override query(...args: unknown[]): never {
    const [text, values, callback] = args;
    if (typeof text === 'string' && (values === undefined || Array.isArray(values))) {
      const name = statementName(text);
      if (name) {
        const config = { name, text, values: values as unknown[] | undefined };
        return (typeof callback === 'function' ? super.query(config, callback as never) : super.query(config)) as never;
      }
    }
    return (super.query as (...a: QueryArgs) => unknown)(...(args as QueryArgs)) as never;
  }
}

class PreparingPool extends pg.Pool {
  constructor(options?: pg.PoolConfig) {
    super({ ...options, Client: PreparingClient } as pg.PoolConfig);
  }
}

export const preparingPgDriver = { ...pg, Pool: PreparingPool, Client: PreparingClient };
