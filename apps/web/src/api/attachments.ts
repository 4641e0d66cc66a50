import { errorFromResponse } from './errors';
import { readToken } from './session';

/**
 * Saves an attachment to the user's computer. Downloads need the bearer token, which a plain link cannot
 * send, so the bytes are fetched and handed to the browser as a file.
 */
export async function downloadAttachment(id: string, name: string): Promise<void> {
  const token = readToken()?.accessToken;
  const res = await fetch(`/api/attachments/${encodeURIComponent(id)}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw await errorFromResponse(res);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
