import type { CountyChannels, ExternalChannel } from '../../config/notify-config';

/** What a channel needs of one outbox row. */
export interface Delivery {
  id: string;
  channel: ExternalChannel;
  address: string | null;
  title: string;
  message: string;
}

/**
 * Carries one delivery through one external channel with the county's settings. Resolves when the receiver
 * accepted it; throws (with the receiver's answer in the message) when it did not, and the worker retries.
 */
export interface ChannelDriver {
  send(delivery: Delivery, county: CountyChannels, timeoutMs: number): Promise<void>;
}

/** The text a group robot or an SMS carries: the title, then the message. */
export const plainText = (d: Delivery) => `【${d.title}】${d.message}`;

/**
 * POSTs and reads the answer; a non-2xx status, or a JSON answer whose error field is set (企业微信 and 钉钉 answer
 * 200 with `errcode` ≠ 0), is a failure that names what the receiver said.
 */
export async function postForJson(
  url: string,
  body: string,
  contentType: string,
  timeoutMs: number,
  failed: (answer: Record<string, unknown>) => string | null,
): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body, headers: { 'content-type': contentType }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    // fetch says only "fetch failed"; the cause says why (ECONNREFUSED, a timeout, DNS) — never the URL, it holds keys
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`${new URL(url).host}: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
  }
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 300)}`);
  let answer: Record<string, unknown>;
  try {
    answer = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error(`not a JSON answer: ${text.slice(0, 300)}`);
  }
  const why = failed(answer);
  if (why) throw new Error(why);
}
