import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { partnerWebhooks } from '../lib';
import type { PingOutcome } from '../ping-contract';

type Context = Parameters<Core.ControllerHandler>[0];

/**
 * POST /admin/partner-webhooks/:documentId/ping → 200 { data: PingOutcome }
 * (admin API, see ../admin-routes.ts): sends the test ping now and answers
 * with what the partner's endpoint did, whether it succeeded or not.
 */
const controller = ({ strapi }: { strapi: Core.Strapi }) => ({
  async send(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    const documentId = typeof ctx.params.documentId === 'string' ? ctx.params.documentId : '';
    const outcome = await partnerWebhooks(strapi).ping(documentId);
    if (!outcome) throw new errors.NotFoundError('Questo webhook non esiste più: ricarica la pagina.');
    ctx.body = { data: outcome satisfies PingOutcome };
  },
} satisfies Core.Controller);

export default controller;
