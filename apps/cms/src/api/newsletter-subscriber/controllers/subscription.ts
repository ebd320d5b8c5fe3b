import type { Core } from '@strapi/strapi';
import { acceptPublicForm, privateResponse } from '../../../public-forms';
import { IdempotencyKeyReusedError, answerKeyReused } from '../../../idempotency';
import { NewsletterLinkError } from '../lib/errors';
import type { SubscriptionService } from '../services/subscription';

/** The newsletter's public endpoints (routes/subscription.ts). Thin: the logic is in services/subscription.ts. */
type Context = Parameters<Core.ControllerHandler>[0];

/** A link that cannot be used: its 4xx in Strapi's error envelope, with one `token` error for the reader. */
function answerLinkError(ctx: Context, error: NewsletterLinkError): void {
  ctx.status = error.status;
  ctx.body = {
    data: null,
    error: {
      status: error.status,
      name: error.status === 404 ? 'NotFoundError' : 'GoneError',
      message: error.message,
      details: { errors: [{ field: 'token', code: error.code, message: error.message }] },
    },
  };
}

const controller = ({ strapi }: { strapi: Core.Strapi }) => {
  const subscriptions = () => strapi.service('api::newsletter-subscriber.subscription') as SubscriptionService;

  /** Runs a link's operation: 200 `{ data }`, or the link's 4xx. */
  const withLink = async (ctx: Context, run: () => Promise<unknown>) => {
    privateResponse(ctx);
    try {
      ctx.body = { data: await run() };
      ctx.status = 200;
    } catch (error) {
      if (!(error instanceof NewsletterLinkError)) throw error;
      answerLinkError(ctx, error);
    }
  };

  return {
    /** POST /api/newsletter-subscriptions → 202 { data: { status: 'received' } }, whatever the address. */
    async subscribe(ctx: Context) {
      const { idempotencyKey } = ctx.state as { idempotencyKey?: string | null };
      try {
        await acceptPublicForm(ctx, (body, request) => subscriptions().subscribe(body, { ...request, idempotencyKey }));
      } catch (error) {
        if (!(error instanceof IdempotencyKeyReusedError)) throw error;
        answerKeyReused(ctx, error);
      }
    },

    /** POST /api/newsletter-subscriptions/confirm { data: { token } } → 200 { data: { status } }. */
    async confirm(ctx: Context) {
      await withLink(ctx, () => subscriptions().confirm(ctx.request.body, Boolean(ctx.is('json'))));
    },

    /**
     * POST /api/newsletter-subscriptions/unsubscribe: from the site, JSON
     * `{ data: { token } }`; from a mail client (RFC 8058), `?token=` with the
     * form-encoded body `List-Unsubscribe=One-Click`.
     */
    async unsubscribe(ctx: Context) {
      const queryToken = (ctx.query as Record<string, unknown>).token;
      await withLink(ctx, () => {
        if (queryToken !== undefined) {
          const body = ctx.request.body as Record<string, unknown> | undefined;
          if (!ctx.is('urlencoded') || body?.['List-Unsubscribe'] !== 'One-Click') {
            throw new NewsletterLinkError(404, 'one_click.invalid', 'Per disiscriverti con un clic serve il corpo «List-Unsubscribe=One-Click» (RFC 8058); dal sito usa la pagina del link.');
          }
          return subscriptions().unsubscribe(queryToken);
        }
        return subscriptions().unsubscribe(subscriptions().tokenOf(ctx.request.body, Boolean(ctx.is('json'))));
      });
    },

    /** GET /api/newsletter-subscriptions/data/:token → 200 { data: everything stored }. */
    async myData(ctx: Context) {
      await withLink(ctx, () => subscriptions().myData((ctx.params as { token?: string }).token));
    },
  } satisfies Core.Controller;
};

export default controller;
