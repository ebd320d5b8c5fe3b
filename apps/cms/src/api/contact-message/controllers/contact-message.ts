import type { Core } from '@strapi/strapi';
import { acceptPublicForm } from '../../../public-forms';
import type { ContactMessageService } from '../services/contact-message';

/** The contact form's endpoint (routes/contact-message.ts). Thin: the logic is in services/contact-message.ts. */
type Context = Parameters<Core.ControllerHandler>[0];

const controller = ({ strapi }: { strapi: Core.Strapi }) => {
  const messages = () => strapi.service('api::contact-message.contact-message') as ContactMessageService;

  return {
    /** POST /api/contact-messages → 202 { data: { id } } once the message is stored. */
    async submit(ctx: Context) {
      await acceptPublicForm(ctx, (body, request) => messages().receive(body, request));
    },
  } satisfies Core.Controller;
};

export default controller;
