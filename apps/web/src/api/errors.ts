/** The API's error body: { statusCode, error, message, details? }; message is already in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** 0 = the request never got an answer (server down, network cut). */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export async function errorFromResponse(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  if (body && typeof body === 'object' && 'error' in body && 'message' in body) {
    const b = body as { statusCode?: number; error: string; message: string; details?: unknown };
    return new ApiError(b.statusCode ?? res.status, String(b.error), String(b.message), b.details);
  }
  return new ApiError(res.status, `HTTP_${res.status}`, res.statusText || `HTTP ${res.status}`);
}
