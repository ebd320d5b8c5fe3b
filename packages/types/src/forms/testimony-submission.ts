import { z } from 'zod';
import { CHANNELS, ROLES, SECTORS } from '../vocabulary';
import { STORY_MAX_LENGTH, STORY_MIN_LENGTH, TITLE_MAX_LENGTH, TITLE_MIN_LENGTH } from './limits';
import { mustBeTrue, optionalText, requiredText } from './schema-helpers';

export { toFieldErrors } from './schema-helpers';

const currentMonth = () => new Date().toISOString().slice(0, 7);

/**
 * The testimony submission form: one schema for the browser form and the
 * CMS endpoint. Messages are Italian (shown to readers); `toFieldErrors`
 * adds a machine-readable code to each (`story.too_short`, ...).
 */
export const testimonySubmissionSchema = z
  .strictObject({
    role: z.enum(ROLES, { error: 'Scegli se racconti come cliente o come operatore.' }),
    displayName: requiredText(2, 60, {
      required: 'Scegli un nome da mostrare: può essere uno pseudonimo.',
      short: 'Il nome da mostrare deve avere almeno 2 caratteri.',
      long: 'Il nome da mostrare può avere al massimo 60 caratteri.',
    }),
    contactEmail: z
      .union([
        z.email({ error: 'Questo indirizzo e-mail non sembra valido: controllalo, oppure lascia il campo vuoto.' }).max(254, { error: 'L\'indirizzo e-mail è troppo lungo.' }),
        z.literal('').transform(() => undefined),
      ], { error: 'Questo indirizzo e-mail non sembra valido: controllalo, oppure lascia il campo vuoto.' })
      .optional(),
    sector: z.enum(SECTORS, { error: 'Scegli il settore dell\'azienda.' }),
    companyBrand: optionalText(80, 'Il nome dell\'azienda può avere al massimo 80 caratteri.'),
    outsourcer: optionalText(80, 'Il nome del call center può avere al massimo 80 caratteri.'),
    channel: z.enum(CHANNELS, { error: 'Scegli il canale: telefono, chat, e-mail, telemarketing, negozio o altro.' }),
    eventMonth: z
      .string({ error: 'Indica il mese dei fatti.' })
      .regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, { error: 'Indica il mese dei fatti nel formato AAAA-MM, per esempio 2019-03.' })
      .refine((month) => month <= currentMonth(), { error: 'Il mese dei fatti non può essere nel futuro.', params: { code: 'eventMonth.future' } }),
    title: requiredText(TITLE_MIN_LENGTH, TITLE_MAX_LENGTH, {
      required: 'Dai un titolo alla tua storia.',
      short: `Il titolo deve avere almeno ${TITLE_MIN_LENGTH} caratteri.`,
      long: `Il titolo può avere al massimo ${TITLE_MAX_LENGTH} caratteri.`,
    }),
    story: requiredText(STORY_MIN_LENGTH, STORY_MAX_LENGTH, {
      required: 'Racconta che cosa è successo.',
      short: `Racconta la tua storia in almeno ${STORY_MIN_LENGTH} caratteri: servono i fatti per capirla.`,
      long: `La storia può avere al massimo ${STORY_MAX_LENGTH} caratteri.`,
    }),
    consentToPublish: mustBeTrue('Per pubblicare la storia serve il tuo consenso.'),
    privacyAccepted: mustBeTrue('Per inviare la storia devi accettare l\'informativa sulla privacy.'),
  })
  // `when`: run even if other fields are wrong, so a customer learns at once
  // that the company is needed (zod skips refinements of invalid objects).
  .superRefine((value, ctx) => {
    if (value.role === 'cliente' && !value.companyBrand) {
      ctx.addIssue({
        code: 'custom',
        path: ['companyBrand'],
        message: 'Indica l\'azienda di cui sei cliente (il marchio: per esempio il gestore telefonico).',
        params: { code: 'companyBrand.required' },
      });
    }
  }, { when: ({ value }) => isCustomerWithoutCompany(value) });

function isCustomerWithoutCompany(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { role, companyBrand } = value as Record<string, unknown>;
  return role === 'cliente' && (typeof companyBrand !== 'string' || companyBrand.trim() === '');
}

export type TestimonySubmissionInput = z.input<typeof testimonySubmissionSchema>;
export type TestimonySubmission = z.output<typeof testimonySubmissionSchema>;
