import type { ExecutionRecord, VariableRecord } from '../storage';
import type { Now, Run } from './run';
import { VariableRows } from './variable-rows';
import { each, then } from '../now';

/**
 * Variables live on scopes (executions); a name resolves to the nearest scope up the parent chain that has
 * it. New names without a local home go to the process instance (the root execution, id = instance id).
 * An instance's variable rows are read once per command and kept current here (fewer queries per step).
 */
export function scopeChain(run: Run, exec: ExecutionRecord): Now<ExecutionRecord[]> {
  const chain: ExecutionRecord[] = [exec];
  let current = exec;
  while (current.parentId) {
    const parent = run.mustExecution(current.parentId);
    // a scope the command has not read yet: the rest of the chain is read one row at a time
    if (parent instanceof Promise) return parent.then((p) => readChain(run, chain, p));
    current = parent;
    chain.push(current);
  }
  return chain;
}

async function readChain(run: Run, chain: ExecutionRecord[], next: ExecutionRecord): Promise<ExecutionRecord[]> {
  let current = next;
  chain.push(current);
  while (current.parentId) {
    current = await run.mustExecution(current.parentId);
    chain.push(current);
  }
  return chain;
}

export function instanceVariables(run: Run, instanceId: string): Now<VariableRows> {
  return run.variableRows.get(instanceId) ?? readVariables(run, instanceId);
}

function readVariables(run: Run, instanceId: string): Now<VariableRows> {
  return then(run.tx.find('variable', { instanceId }), (found) => {
    const rows = new VariableRows(found);
    run.variableRows.set(instanceId, rows);
    return rows;
  });
}

export function visibleVariables(run: Run, exec: ExecutionRecord): Now<Record<string, unknown>> {
  return then(instanceVariables(run, exec.instanceId), (rows) =>
    then(scopeChain(run, exec), (chain) => {
      const vars: Record<string, unknown> = {};
      // outermost first, so a nearer scope's value of a name replaces the outer one
      for (const scope of chain.reverse()) for (const row of rows.of(scope.id)) defineLazily(vars, row.name, row.value);
      return vars;
    }),
  );
}

/**
 * A value parsed when first read: most evaluations read one or two names (FEEL is handed only those), and a long
 * list beside them (a rectification batch's items) would otherwise be parsed again for every item. Each call
 * still gives its own copies; writing the property replaces it like any other.
 */
function defineLazily(vars: Record<string, unknown>, name: string, json: string): void {
  let parsed: { value: unknown } | undefined;
  Object.defineProperty(vars, name, {
    enumerable: true,
    configurable: true,
    get: () => (parsed ??= { value: JSON.parse(json) }).value,
    set: (value: unknown) => Object.defineProperty(vars, name, { value, writable: true, enumerable: true, configurable: true }),
  });
}

export function setLocal(run: Run, exec: ExecutionRecord, name: string, value: unknown): Now<void> {
  return then(instanceVariables(run, exec.instanceId), (rows) => writeVariable(run, exec, rows, exec.id, name, value));
}

/** sets each variable where it already lives in the chain, else on the instance */
export function propagate(run: Run, exec: ExecutionRecord, values: Record<string, unknown>): Now<void> {
  const names = Object.keys(values);
  if (names.length === 0) return;
  return then(scopeChain(run, exec), (chain) =>
    then(instanceVariables(run, exec.instanceId), (rows) => {
      const root = chain[chain.length - 1];
      return each(names, (name) => {
        const home = chain.find((scope) => rows.get(scope.id, name)) ?? root;
        return writeVariable(run, exec, rows, home.id, name, values[name]);
      });
    }),
  );
}

function writeVariable(run: Run, exec: ExecutionRecord, rows: VariableRows, scopeId: string, name: string, value: unknown): Now<void> {
  const existing = rows.get(scopeId, name);
  const json = JSON.stringify(value ?? null);
  if (existing) {
    if (existing.value === json) return;
    return then(run.tx.update('variable', { ...existing, value: json }), (saved) => {
      rows.add(saved);
      changed(run, exec.instanceId, name);
    });
  }
  changed(run, exec.instanceId, name);
  const row: VariableRecord = {
    id: run.deps.newId(),
    tenantId: exec.tenantId,
    instanceId: exec.instanceId,
    scopeId,
    name,
    value: json,
    version: 1,
  };
  return then(run.tx.insert('variable', row), () => rows.add(row));
}

/** removes the variables owned by a scope that ends (most tokens own none: then no async call) */
export function deleteLocals(run: Run, exec: ExecutionRecord): Now<void> {
  const known = run.variableRows.get(exec.instanceId);
  if (known && !known.owns(exec.id)) return;
  return removeLocals(run, exec);
}

async function removeLocals(run: Run, exec: ExecutionRecord): Promise<void> {
  const rows = await instanceVariables(run, exec.instanceId);
  for (const row of rows.of(exec.id)) {
    await run.tx.delete('variable', row.id);
    rows.remove(row);
  }
}

/** the instance's own variables (its root scope), as values */
export async function instanceLevelValues(run: Run, instanceId: string): Promise<Record<string, unknown>> {
  const rows = await instanceVariables(run, instanceId);
  return Object.fromEntries(rows.of(instanceId).map((r) => [r.name, JSON.parse(r.value)]));
}

/** remembered for conditional events (see conditionals.ts) */
function changed(run: Run, instanceId: string, name: string): void {
  let names = run.variablesChanged.get(instanceId);
  if (!names) run.variablesChanged.set(instanceId, (names = new Set()));
  names.add(name);
}
