import type { Core } from '@strapi/strapi';
import type { AntiAbuseState } from '../api/anti-abuse/lib/guard';

/**
 * The HTTP side shared by the public form endpoints: what the controller
 * knows besides the body, and the 202 once the service has stored the form.
 */

type Context = Parameters<Core.ControllerHandler>[0];

/** What an endpoint knows besides the body: the anti-abuse layer's ipHash and the content type. */
export interface FormRequest {
  /** Salted hash of the client's address, set by `api::anti-abuse.anti-abuse` (src/api/anti-abuse/middlewares/anti-abuse.ts). */
  ipHash?: string;
  /** Whether the request body was JSON (`ctx.is('json')`). */
  isJson: boolean;
}

export function formRequest(ctx: Context): FormRequest {
  const { antiAbuse } = ctx.state as { antiAbuse?: Partial<AntiAbuseState> };
  return { ipHash: antiAbuse?.ipHash, isJson: Boolean(ctx.is('json')) };
}

/** Answers that carry or depend on what a reader sent: never cached, never sent on as a Referer. */
export function privateResponse(ctx: Context): void {
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Referrer-Policy', 'no-referrer');
}

/**
 * A public form's POST: `receive` validates and stores (a 400 or a 5xx
 * propagates as Strapi's error envelope); only once it has returned, i.e.
 * the row is committed, the answer is 202 `{ data: receipt }`.
 */
export async function acceptPublicForm<R>(ctx: Context, receive: (body: unknown, request: FormRequest) => Promise<R>): Promise<void> {
  privateResponse(ctx);
  const receipt = await receive(ctx.request.body, formRequest(ctx));
  ctx.status = 202;
  ctx.body = { data: receipt };
}
