import { z } from 'zod';
import { NEWSLETTER_LIMITS } from '../newsletter';
import { mustBeTrue, requiredEmail } from './schema-helpers';

/**
 * The newsletter's subscription form (home, articles, testimonies): one
 * schema for the browser form and the CMS endpoint. Interests are article
 * category slugs and `testimonianze` (none: everything); the CMS keeps only
 * those that exist. Strict: any other key is `unknown_field`.
 */
const INTEREST_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const INVALID_INTERESTS = 'Gli argomenti scelti non sono validi: ricarica la pagina e riprova.';

export const newsletterSubscriptionSchema = z.strictObject({
  email: requiredEmail({
    required: 'Scrivi il tuo indirizzo e-mail: è lì che ti mandiamo la newsletter.',
    invalid: 'Questo indirizzo e-mail non sembra valido: controllalo (per esempio nome@esempio.it).',
    long: 'L\'indirizzo e-mail è troppo lungo.',
  }),
  interests: z
    .array(z.string({ error: INVALID_INTERESTS }), { error: INVALID_INTERESTS })
    .max(NEWSLETTER_LIMITS.interestsMax, { error: `Puoi scegliere al massimo ${NEWSLETTER_LIMITS.interestsMax} argomenti.` })
    .refine((interests) => interests.every((i) => i.length <= NEWSLETTER_LIMITS.interestMaxLength && INTEREST_PATTERN.test(i)), { error: INVALID_INTERESTS })
    .default([])
    .transform((interests) => [...new Set(interests)]),
  privacyAccepted: mustBeTrue('Per iscriverti devi accettare l\'informativa sulla privacy.'),
});

export type NewsletterSubscriptionInput = z.input<typeof newsletterSubscriptionSchema>;
export type NewsletterSubscription = z.output<typeof newsletterSubscriptionSchema>;

/** The body of confirm and unsubscribe (the site's pages): the token of the e-mail's link. */
export const newsletterTokenSchema = z.strictObject({
  token: z
    .string({ error: 'Il link non è completo: aprilo di nuovo dall\'e-mail, o copialo per intero.' })
    .trim()
    .min(1, { error: 'Il link non è completo: aprilo di nuovo dall\'e-mail, o copialo per intero.' })
    .max(200, { error: 'Il link non è valido: aprilo di nuovo dall\'e-mail.' }),
});

export type NewsletterTokenInput = z.input<typeof newsletterTokenSchema>;
