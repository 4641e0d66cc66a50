import type { RegionChoice, RegionSource, SheetRows } from '@kcbx/form-renderer';
import type { StoredFile } from '@kcbx/forms';
import { request, upload } from '../../api/client';

/** Divisions for region fields, a level at a time from the API (the renderer never loads the whole national tree). */
export const apiRegionSource: RegionSource = {
  children: (parent) => request<RegionChoice[]>('GET', `/api/regions${parent ? `?parent=${encodeURIComponent(parent)}` : ''}`),
  path: async (code) => (await request<{ path: RegionChoice[] }>('GET', `/api/regions/${encodeURIComponent(code)}`)).path,
};

/**
 * Stores a file a form field takes, filed under the case's unit so everyone who can see the case can open it.
 * Returns what the form keeps in its data.
 */
export function attachmentUploader(orgUnit: string | null | undefined): (file: File) => Promise<StoredFile> {
  return async (file) => {
    const body = new FormData();
    body.append('file', file);
    const url = `/api/attachments${orgUnit ? `?orgUnit=${encodeURIComponent(orgUnit)}` : ''}`;
    const stored = await upload<{ id: string; name: string; size: number; mime: string }>(url, body, () => undefined);
    return { id: stored.id, name: stored.name, size: stored.size, type: stored.mime };
  };
}

/** A spreadsheet picked for a form's table, read by the server (CSV in UTF-8 or GBK, XLSX); nothing is stored. */
export async function readSheet(file: File): Promise<SheetRows> {
  const body = new FormData();
  body.append('file', file);
  return (await upload<{ rows: SheetRows }>('/api/spreadsheet-rows', body, () => undefined)).rows;
}
