import { timingSafeEqual, createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { NEWSLETTER_EVENTS_SECRET_HEADER } from '@chiudete/types';
import type { NewsletterSendingConfig } from '../../../../config/newsletter-sending';
import { parseNewsletterEvent, recordNewsletterEvent } from '../../newsletter-issue/lib';

type Context = Parameters<Core.ControllerHandler>[0];

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * POST /api/newsletter-events → 202 { data: { recorded, erased } }.
 * 401 without the right secret, 403 when NEWSLETTER_EVENTS_SECRET is not set
 * (the endpoint is off: refused, never a 5xx), 400 for a body that is not `{ type, email }`.
 */
const controller = ({ strapi }: { strapi: Core.Strapi }) => ({
  async receive(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    const { eventsSecret } = strapi.config.get<NewsletterSendingConfig>('newsletter-sending');
    if (!eventsSecret) {
      // Written here: a thrown ForbiddenError reaches the client as a bare «Forbidden» (src/middlewares).
      ctx.status = 403;
      ctx.body = { data: null, error: { status: 403, name: 'ForbiddenError', message: 'Endpoint spento: NEWSLETTER_EVENTS_SECRET non è impostato sul CMS.', details: {} } };
      return;
    }
    const given = ctx.get(NEWSLETTER_EVENTS_SECRET_HEADER);
    if (!given || !timingSafeEqual(digest(given), digest(eventsSecret))) {
      throw new errors.UnauthorizedError(`Segreto mancante o sbagliato: manda l'intestazione ${NEWSLETTER_EVENTS_SECRET_HEADER} con il valore di NEWSLETTER_EVENTS_SECRET.`);
    }
    const parsed = parseNewsletterEvent((ctx.request as { body?: unknown }).body);
    if ('problems' in parsed) throw new errors.ValidationError(`Evento non valido: ${parsed.problems.join(' ')}`, { errors: parsed.problems });
    const outcome = await recordNewsletterEvent(strapi, parsed.event);
    ctx.status = 202;
    ctx.body = { data: outcome };
  },
} satisfies Core.Controller);

export default controller;
