import type { DraftRow, PublishedFormRow } from '@kcbx/api-contract';
import type { Text } from '@kcbx/forms';

/** A form key in the list: its latest published version, how many versions, and whether a draft waits. */
export interface FormRow {
  key: string;
  title: Text;
  latest: number | null;
  versions: number;
  publishedAt: string | null;
  draftSavedAt: string | null;
  draftBy: string | null;
}

/** One row per form key: latest published version, how many versions, and whether a draft is waiting. */
export function summarize(published: PublishedFormRow[], drafts: DraftRow[]): FormRow[] {
  const rows = new Map<string, FormRow>();
  for (const f of published) {
    const row = rows.get(f.key);
    if (!row)
      rows.set(f.key, {
        key: f.key,
        title: f.title,
        latest: f.version,
        versions: 1,
        publishedAt: f.publishedAt,
        draftSavedAt: null,
        draftBy: null,
      });
    else {
      row.versions += 1;
      if ((row.latest ?? 0) < f.version) Object.assign(row, { latest: f.version, title: f.title, publishedAt: f.publishedAt });
    }
  }
  for (const d of drafts) {
    const row = rows.get(d.key) ?? {
      key: d.key,
      title: d.title,
      latest: null,
      versions: 0,
      publishedAt: null,
      draftSavedAt: null,
      draftBy: null,
    };
    rows.set(d.key, { ...row, title: d.title, draftSavedAt: d.savedAt, draftBy: d.savedByName });
  }
  return [...rows.values()].sort((a, b) => a.key.localeCompare(b.key));
}
