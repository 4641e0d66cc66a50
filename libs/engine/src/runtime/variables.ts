import type { ExecutionRecord, VariableRecord } from '../storage';
import type { Run } from './run';

/**
 * Variables live on scopes (executions); a name resolves to the nearest scope up the parent chain that has
 * it. New names without a local home go to the process instance (the root execution, id = instance id).
 * An instance's variable rows are read once per command and kept current here (fewer queries per step).
 */
export async function scopeChain(run: Run, exec: ExecutionRecord): Promise<ExecutionRecord[]> {
  const chain: ExecutionRecord[] = [exec];
  let current = exec;
  while (current.parentId) {
    current = await run.mustExecution(current.parentId);
    chain.push(current);
  }
  return chain;
}

export async function instanceVariables(run: Run, instanceId: string): Promise<VariableRecord[]> {
  let rows = run.variableRows.get(instanceId);
  if (!rows) {
    rows = await run.tx.find('variable', { instanceId });
    run.variableRows.set(instanceId, rows);
  }
  return rows;
}

export async function visibleVariables(run: Run, exec: ExecutionRecord): Promise<Record<string, unknown>> {
  const rows = await instanceVariables(run, exec.instanceId);
  const chain = (await scopeChain(run, exec)).map((e) => e.id);
  const vars: Record<string, unknown> = {};
  for (let i = chain.length - 1; i >= 0; i--) {
    for (const row of rows) if (row.scopeId === chain[i]) vars[row.name] = JSON.parse(row.value);
  }
  return vars;
}

export async function setLocal(run: Run, exec: ExecutionRecord, name: string, value: unknown): Promise<void> {
  const rows = await instanceVariables(run, exec.instanceId);
  await writeVariable(
    run,
    exec,
    exec.id,
    name,
    value,
    rows.find((r) => r.scopeId === exec.id && r.name === name),
  );
}

/** sets each variable where it already lives in the chain, else on the instance */
export async function propagate(run: Run, exec: ExecutionRecord, values: Record<string, unknown>): Promise<void> {
  if (Object.keys(values).length === 0) return;
  const chain = await scopeChain(run, exec);
  const rows = await instanceVariables(run, exec.instanceId);
  for (const [name, value] of Object.entries(values)) {
    const home = chain.find((scope) => rows.some((r) => r.scopeId === scope.id && r.name === name)) ?? chain[chain.length - 1];
    await writeVariable(
      run,
      exec,
      home.id,
      name,
      value,
      rows.find((r) => r.scopeId === home.id && r.name === name),
    );
  }
}

async function writeVariable(
  run: Run,
  exec: ExecutionRecord,
  scopeId: string,
  name: string,
  value: unknown,
  existing: VariableRecord | undefined,
) {
  const rows = await instanceVariables(run, exec.instanceId);
  const json = JSON.stringify(value ?? null);
  if (existing) {
    if (existing.value !== json) rows[rows.indexOf(existing)] = await run.tx.update('variable', { ...existing, value: json });
    return;
  }
  const row: VariableRecord = {
    id: run.deps.newId(),
    tenantId: exec.tenantId,
    instanceId: exec.instanceId,
    scopeId,
    name,
    value: json,
    version: 1,
  };
  await run.tx.insert('variable', row);
  rows.push(row);
}

/** removes the variables owned by a scope that ends */
export async function deleteLocals(run: Run, exec: ExecutionRecord): Promise<void> {
  const rows = await instanceVariables(run, exec.instanceId);
  for (let i = rows.length - 1; i >= 0; i--) {
    if (rows[i].scopeId !== exec.id) continue;
    await run.tx.delete('variable', rows[i].id);
    rows.splice(i, 1);
  }
}

/** the instance's own variables (its root scope), as values */
export async function instanceLevelValues(run: Run, instanceId: string): Promise<Record<string, unknown>> {
  const rows = await instanceVariables(run, instanceId);
  return Object.fromEntries(rows.filter((r) => r.scopeId === instanceId).map((r) => [r.name, JSON.parse(r.value)]));
}
