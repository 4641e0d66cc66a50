import type { FormDefinition, Text } from '@kcbx/forms';
import { request } from '../../api/client';

/** The form builder's calls (drafts, publishing, versions), kept beside the pages. */

export interface PublishedFormRow {
  key: string;
  version: number;
  title: Text;
  hash: string;
  publishedAt: string;
}

export interface DraftRow {
  key: string;
  title: Text;
  savedAt: string;
  savedByName: string;
}

export interface FormVersion {
  version: number;
  title: Text;
  hash: string;
  publishedAt: string;
  publishedByName: string | null;
}

/** One problem of a refused publish: JSON pointer, line in the pretty-printed definition, message in the UI language. */
export interface DefinitionProblem {
  path: string;
  line: number;
  column: number;
  keyword: string;
  message: string;
}

const at = (key: string) => `/api/forms/${encodeURIComponent(key)}`;

export const formsApi = {
  /** Every published version of every form (newest first within a key). */
  published: () => request<PublishedFormRow[]>('GET', '/api/forms'),
  drafts: () => request<DraftRow[]>('GET', '/api/form-drafts'),
  draft: (key: string) => request<{ key: string; definition: FormDefinition; savedAt: string; savedByName: string }>('GET', `${at(key)}/draft`),
  saveDraft: (key: string, definition: FormDefinition) => request<{ key: string; savedAt: string }>('PUT', `${at(key)}/draft`, { definition }),
  discardDraft: (key: string) => request<void>('DELETE', `${at(key)}/draft`),
  publish: (key: string, definition: FormDefinition) => request<{ key: string; version: number; isNew: boolean }>('POST', `${at(key)}/publish`, { definition }),
  versions: (key: string) => request<FormVersion[]>('GET', `${at(key)}/versions`),
  version: (key: string, version?: number) => request<FormDefinition>('GET', `${at(key)}${version ? `?version=${version}` : ''}`),
};
