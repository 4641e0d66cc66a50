import type { Draft, DraftRow, FormVersion, PublishResult, PublishedFormRow } from '@kcbx/api-contract';
import type { FormDefinition } from '@kcbx/forms';
import { request } from '../../api/client';

/** The form builder's calls (drafts, publishing, versions), kept beside the pages. */

const at = (key: string) => `/api/forms/${encodeURIComponent(key)}`;

export const formsApi = {
  /** Every published version of every form (newest first within a key). */
  published: () => request<PublishedFormRow[]>('GET', '/api/forms'),
  drafts: () => request<DraftRow[]>('GET', '/api/form-drafts'),
  draft: (key: string) => request<Draft>('GET', `${at(key)}/draft`),
  saveDraft: (key: string, definition: FormDefinition) =>
    request<{ key: string; savedAt: string }>('PUT', `${at(key)}/draft`, { definition }),
  discardDraft: (key: string) => request<void>('DELETE', `${at(key)}/draft`),
  publish: (key: string, definition: FormDefinition) => request<PublishResult>('POST', `${at(key)}/publish`, { definition }),
  versions: (key: string) => request<FormVersion[]>('GET', `${at(key)}/versions`),
  version: (key: string, version?: number) => request<FormDefinition>('GET', `${at(key)}${version ? `?version=${version}` : ''}`),
};
