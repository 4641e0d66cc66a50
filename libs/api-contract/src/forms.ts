import type { FormDefinition, Text } from '@kcbx/forms';

/** Published forms and the builder's drafts (/api/forms, /api/form-drafts). */

/** GET /api/forms: every published version of every form (newest first within a key). */
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

export interface Draft {
  key: string;
  definition: FormDefinition;
  savedAt: string;
  savedByName: string;
}

export interface PublishResult {
  key: string;
  version: number;
  isNew: boolean;
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
