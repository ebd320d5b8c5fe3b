/** Strapi's error envelope: `{ error: { status, name, message, details } }`. */
export interface StrapiErrorBody {
  status: number;
  name: string;
  message: string;
  details?: unknown;
}

/**
 * Every failure of the client: says what was requested and what came back,
 * e.g. `[GET] "http://cms/api/articles?…": 404 Not Found (NotFoundError: …)`.
 * `status` is 0 when no HTTP answer arrived (network error, timeout).
 */
export class StrapiError extends Error {
  override readonly name = 'StrapiError';
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly statusText: string;
  readonly body: StrapiErrorBody | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    method: string;
    url: string;
    status: number;
    statusText?: string;
    body?: StrapiErrorBody;
    retryAfterSeconds?: number;
    cause?: unknown;
  }) {
    const reason = init.status ? `${init.status} ${init.statusText ?? ''}`.trim() : describeCause(init.cause);
    const detail = init.body ? ` (${init.body.name}: ${init.body.message})` : '';
    super(`[${init.method.toUpperCase()}] "${init.url}": ${reason}${detail}`, { cause: init.cause });
    this.method = init.method.toUpperCase();
    this.url = init.url;
    this.status = init.status;
    this.statusText = init.statusText ?? '';
    this.body = init.body;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) return `request failed: ${cause.message}`;
  return 'request failed';
}

export function isStrapiErrorBody(value: unknown): value is StrapiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const { status, name, message } = value as Record<string, unknown>;
  return typeof status === 'number' && typeof name === 'string' && typeof message === 'string';
}
