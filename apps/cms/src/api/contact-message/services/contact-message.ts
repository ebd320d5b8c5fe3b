import type { Core, Modules } from '@strapi/strapi';
import type { ContactMessageReceipt } from '@chiudete/types';
import { contactMessageSchema } from '@chiudete/types/forms';
import { notifyInBackground, parseFormBody, type FormRequest } from '../../../public-forms';
import type { ContactMessagesConfig } from '../../../../config/contact-messages';
import type { ContactNotificationService } from './notification';

/**
 * Contact messages: receive one from the public form, and erase personal
 * data that is no longer needed. Editors read and answer them in the admin.
 */

export const CONTACT_MESSAGE_UID = 'api::contact-message.contact-message';

const DAY_MS = 24 * 60 * 60 * 1000;

type MessageInput = Modules.Documents.Params.Data.Input<typeof CONTACT_MESSAGE_UID>;
/** Strapi's input types have no `null` for optional fields, yet `null` is how a column is emptied. */
type Clearable<T> = { [K in keyof T]?: T[K] | null };
const clearing = (data: Clearable<MessageInput>) => data as Partial<MessageInput>;

const contactMessageService = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.config.get<ContactMessagesConfig>('contact-messages');
  const notifier = () => strapi.service('api::contact-message.notification') as ContactNotificationService;

  return {
    /**
     * Validates and stores a message, then, once the row is committed, sends
     * it to the redazione by e-mail without making the reader wait. The
     * receipt is the id only: nothing the reader sent is echoed.
     */
    async receive(body: unknown, request: FormRequest): Promise<ContactMessageReceipt> {
      const input = parseFormBody(body, contactMessageSchema, { isJson: request.isJson, noun: 'contact message' });

      // Field by field: nothing from the request reaches the row unless named here.
      const created = await strapi.documents(CONTACT_MESSAGE_UID).create({
        data: {
          messageStatus: 'nuovo',
          topic: input.topic,
          name: input.name,
          email: input.email,
          message: input.message,
          privacyAccepted: input.privacyAccepted,
          ipHash: request.ipHash,
        },
      });

      notifyInBackground(strapi, '[contact]', `contact message ${created.documentId}`, () => notifier().newMessage(created.documentId));
      return { id: created.documentId };
    },

    /**
     * Erases the personal data (name, e-mail, text, internal note, ipHash)
     * of messages that arrived more than CONTACT_MESSAGE_RETENTION_DAYS
     * before `now`, whatever their status; topic, status and dates stay.
     * Idempotent; returns how many were erased. `now` is a parameter so tests set the clock.
     */
    async eraseExpiredPersonalData(now: Date): Promise<number> {
      const cutoff = new Date(now.getTime() - settings().retentionDays * DAY_MS).toISOString();
      const expired = await strapi.documents(CONTACT_MESSAGE_UID).findMany({
        filters: { personalDataErasedAt: { $null: true }, createdAt: { $lte: cutoff } },
        fields: ['documentId'],
      });
      for (const { documentId } of expired) {
        await strapi.documents(CONTACT_MESSAGE_UID).update({
          documentId,
          data: clearing({ name: null, email: null, message: null, internalNote: null, ipHash: null, personalDataErasedAt: now.toISOString() }),
        });
      }
      return expired.length;
    },
  };
};

export type ContactMessageService = ReturnType<typeof contactMessageService>;

export default contactMessageService;
