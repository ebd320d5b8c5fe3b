import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { previewIssue, queueIssue, sendTestCopy } from '../lib';
import type { NewsletterPreview } from '../admin-contract';

type Context = Parameters<Core.ControllerHandler>[0];

const documentIdOf = (ctx: Context): string => (typeof ctx.params.documentId === 'string' ? ctx.params.documentId : '');

/** The issue's admin actions (../admin-routes.ts). Thin: the logic is in ../lib. */
const controller = ({ strapi }: { strapi: Core.Strapi }) => ({
  async preview(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    const email = await previewIssue(strapi, documentIdOf(ctx));
    ctx.body = { data: { subject: email.subject, html: email.html, text: email.text, bytes: Buffer.byteLength(email.html) + Buffer.byteLength(email.text) } satisfies NewsletterPreview };
  },

  async test(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    const email = (ctx.state as { user?: { email?: unknown } }).user?.email;
    if (typeof email !== 'string' || !email) throw new errors.ForbiddenError('Il tuo utente non ha un indirizzo e-mail a cui mandare la prova.');
    ctx.body = { data: await sendTestCopy(strapi, documentIdOf(ctx), email) };
  },

  async send(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    const outcome = await queueIssue(strapi, documentIdOf(ctx));
    ctx.status = 202;
    ctx.body = { data: outcome };
  },
} satisfies Core.Controller);

export default controller;
