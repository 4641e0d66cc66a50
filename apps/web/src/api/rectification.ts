import type { RectificationItemList, RectificationStage } from '@kcbx/api-contract';
import { request } from './client';

/** The inspectorate's list of rectification items: GET /api/rectification/items. */
export const rectificationApi = {
  items: (q: { stage?: RectificationStage; substandard?: boolean; page: number; pageSize: number }) => {
    const params = new URLSearchParams({ page: String(q.page), pageSize: String(q.pageSize) });
    if (q.stage) params.set('stage', q.stage);
    if (q.substandard) params.set('substandard', 'true');
    return request<RectificationItemList>('GET', `/api/rectification/items?${params}`);
  },
};
