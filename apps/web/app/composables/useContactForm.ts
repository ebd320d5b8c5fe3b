/**
 * The contact form (/contatti): the public form CONTACT_FORM
 * (utils/contact.ts). The CMS keeps no idempotency record of messages: the
 * key is not sent.
 */
export function useContactForm() {
  return usePublicForm(CONTACT_FORM, (client, body) => client.contactMessages.send(body));
}
