import { request } from '../../api/client';

/** The workflow calls the design pages use (kept beside the pages so the shared api/ files stay small). */

export interface ProcessDefinition {
  id: string;
  key: string;
  version: number;
  name: string | null;
  resourceName: string;
  deployedAt: string;
}

export interface PublishedForm {
  key: string;
  version: number;
  title: string | { zh: string; en: string };
}

export interface FormField {
  name: string;
  title: string;
}

export interface CountyRole {
  key: string;
  name: string;
  nameEn?: string | null;
}

/** One problem of a refused deployment, as the API lists it. */
export interface DeployProblem {
  resource: string;
  elementId?: string;
  line?: number;
  message: string;
}

export interface DeployResult {
  id: string;
  processDefinitions: { id: string; key: string; version: number }[];
  forms: { key: string; version: number }[];
}

export interface Incident {
  id: string;
  activityId: string;
  type: string;
  message: string;
}

export interface InstanceSummary {
  id: string;
  key: string;
  definitionId: string;
  version?: number;
  businessKey: string | null;
  state: string;
  orgUnit?: string;
  orgUnitName?: string;
  startedAt: string;
  endedAt: string | null;
  activeActivityIds?: string[];
  incidents?: Incident[] | number;
  studentName?: string | null;
}

export interface InstanceDetail extends InstanceSummary {
  activeActivityIds: string[];
  incidents: Incident[];
  variables: Record<string, unknown>;
  history: { id: string; type: string; elementId: string | null; elementType: string | null; at: string; userName: string | null }[];
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
  forms: () => request<PublishedForm[]>('GET', '/api/forms'),
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
export function latestForms(all: PublishedForm[]): PublishedForm[] {
  const seen = new Map<string, PublishedForm>();
  for (const f of all) if ((seen.get(f.key)?.version ?? 0) < f.version) seen.set(f.key, f);
  return [...seen.values()].sort((a, b) => a.key.localeCompare(b.key));
}
