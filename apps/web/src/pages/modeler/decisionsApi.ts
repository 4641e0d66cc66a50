import type { DecisionSummary, DeployResult } from '@kcbx/api-contract';
import { request } from '../../api/client';

/** The decision-table calls of the 决策表 page. */
export const decisionsApi = {
  list: () => request<DecisionSummary[]>('GET', '/api/decisions'),
  xml: (id: string) => request<{ xml: string; resourceName: string }>('GET', `/api/decisions/${encodeURIComponent(id)}/xml`),
  deploy: (name: string, xml: string) => request<DeployResult>('POST', '/api/deployments', { name, resources: [{ name, content: xml }] }),
};
