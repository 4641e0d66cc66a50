import type {
  CountyRole,
  DeployResult,
  InstanceDetail,
  InstanceMigrationResult,
  InstanceSummary,
  ProcessDefinition,
  PublishedFormRow,
} from '@kcbx/api-contract';
import { request } from '../../api/client';

/** The workflow calls the design pages use (kept beside the pages so the shared api/ files stay small). */

export interface FormField {
  name: string;
  title: string;
}

const enc = encodeURIComponent;

const qs = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(params)
      .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString();

export const modelerApi = {
  definitions: (all = false) => request<ProcessDefinition[]>('GET', `/api/process-definitions${all ? '?all=true' : ''}`),
  definitionXml: (id: string) => request<{ xml: string }>('GET', `/api/process-definitions/${enc(id)}/xml`).then((r) => r.xml),
  forms: () => request<PublishedFormRow[]>('GET', '/api/forms'),
  form: (key: string) =>
    request<{ key: string; version: number; schema: { properties?: Record<string, { title?: string }> } }>('GET', `/api/forms/${enc(key)}`),
  roles: () => request<CountyRole[]>('GET', '/api/roles'),
  /** Deploys one BPMN file; `dryRun` only checks it (nothing is stored). A 400 carries DeployProblem[] in details. */
  deploy: (name: string, xml: string, dryRun: boolean) =>
    request<DeployResult>('POST', `/api/deployments${dryRun ? '?dryRun=true' : ''}`, { name, resources: [{ name, content: xml }] }),
  instances: (filter: { definitionKey?: string; version?: number; state?: string; page?: number; pageSize?: number }) =>
    request<InstanceSummary[] | { items: InstanceSummary[]; total: number }>('GET', `/api/process-instances?${qs(filter)}`).then((r) =>
      Array.isArray(r) ? { items: r, total: r.length } : r,
    ),
  instance: (id: string) => request<InstanceDetail>('GET', `/api/process-instances/${enc(id)}`),
  setVariables: (instanceId: string, variables: Record<string, unknown>) =>
    request<InstanceDetail>('PATCH', `/api/process-instances/${enc(instanceId)}/variables`, { variables }),
  /** moves the running cases of one version to another version of the same procedure */
  migrate: (fromDefinitionId: string, toDefinitionId: string, dryRun = false) =>
    request<InstanceMigrationResult>('POST', `/api/process-definitions/${enc(fromDefinitionId)}/migrate${dryRun ? '?dryRun=true' : ''}`, {
      toDefinitionId,
    }),
  retryIncident: (instanceId: string, incidentId: string) =>
    request<unknown>('POST', `/api/process-instances/${enc(instanceId)}/incidents/${enc(incidentId)}/retry`),
};

/** The form's top-level fields in schema order, with their titles (what a step's permissions name). */
export function formFields(schema: { properties?: Record<string, { title?: string }> }): FormField[] {
  return Object.entries(schema.properties ?? {}).map(([name, p]) => ({ name, title: typeof p?.title === 'string' ? p.title : name }));
}

/** How many instances of a procedure (optionally one version) are running; null when the API cannot say. */
export function runningCount(definitionKey: string, version?: number): Promise<number | null> {
  return modelerApi.instances({ definitionKey, version, state: 'active', pageSize: 1 }).then(
    (r) => r.total,
    () => null,
  );
}

/** GET /api/forms lists every version; the pickers want each form once, at its latest version. */
export function latestForms(all: PublishedFormRow[]): PublishedFormRow[] {
  const seen = new Map<string, PublishedFormRow>();
  for (const f of all) if ((seen.get(f.key)?.version ?? 0) < f.version) seen.set(f.key, f);
  return [...seen.values()].sort((a, b) => a.key.localeCompare(b.key));
}
