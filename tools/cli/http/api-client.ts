import { CliError, EXIT } from '../errors';

/** The server said no: its code, status and the details it listed (deploy problems, package problems …). */
export class ApiError extends CliError {
  constructor(
    readonly status: number,
    readonly code: string,
    serverMessage: string,
    readonly details: unknown[],
  ) {
    super(
      `服务器拒绝（HTTP ${status} ${code}）：${serverMessage}`,
      `the server refused (HTTP ${status} ${code}): ${serverMessage}`,
      EXIT.problems,
    );
  }
}

/**
 * A small JSON client for the documented HTTP surface (shared/docs/API.md). Messages are asked for in
 * Chinese (the server's default), since the CLI prints Chinese first.
 */
export class ApiClient {
  readonly baseUrl: string;

  constructor(
    url: string,
    private readonly token?: string,
    /** a county API key instead of a person's token (external workers) */
    private readonly apiKey?: string,
  ) {
    this.baseUrl = url.replace(/\/+$/, '').replace(/\/api$/, '');
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = `${this.baseUrl}/api${path}`;
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: {
          'Accept-Language': 'zh-CN',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
          ...(this.apiKey ? { 'X-API-Key': this.apiKey } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      const reason = cause?.code ?? cause?.message ?? (e as Error).message;
      throw new CliError(`无法连接服务器 ${this.baseUrl}（${reason}）`, `cannot reach the server at ${this.baseUrl} (${reason})`);
    }
    const text = await res.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: a proxy page or a wrong URL; reported below with the status
    }
    if (!res.ok) {
      if (!json || typeof json !== 'object') {
        throw new ApiError(res.status, 'HTTP_ERROR', `${url} 的回应不是本系统的 API / ${url} did not answer like this system's API`, []);
      }
      throw new ApiError(
        res.status,
        String(json.error ?? 'HTTP_ERROR'),
        String(json.message ?? res.statusText),
        Array.isArray(json.details) ? json.details : [],
      );
    }
    if (json === null && text) {
      throw new CliError(`${url} 的回应不是 JSON（地址是否正确？）`, `${url} did not answer with JSON (is the URL right?)`);
    }
    return json as T;
  }
}
