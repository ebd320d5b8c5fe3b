import { z } from 'zod';
import { REJECTION_REASONS } from '../vocabulary';
import { MODERATOR_NOTE_MAX_LENGTH, TESTIMONY_LIMITS } from './limits';

/**
 * The bodies of the moderation requests the Strapi admin sends to the CMS
 * (`POST /admin/testimony-submissions/:documentId/{approve,reject}`), in the
 * style of the public forms' schemas: strict objects, Italian messages for the
 * editors. The texts are taken as sent (no trimming: the CMS decides what it
 * stores); a field left out keeps the submission's value.
 */

/** A text the editor may leave out: a string (never `null`) of at most `max` characters. */
const editorText = (label: string, max: number) =>
  z
    .string({ error: `${label}: dev'essere un testo.` })
    .max(max, { error: `${label}: al massimo ${max} caratteri.` })
    .optional();

/** The request body: a JSON object with only `fields` (an unknown key is named in the message). */
const requestBody = <Shape extends z.core.$ZodLooseShape>(shape: Shape, fields: string) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Campo sconosciuto: ${issue.keys.join(', ')}. Si possono mandare solo ${fields}.`
        : `Il corpo della richiesta dev'essere un oggetto JSON con ${fields}.`,
  });

/** POST …/approve: the final public texts; what is left out is taken from the submission. */
export const approveRequestSchema = requestBody(
  {
    title: editorText('Titolo', TESTIMONY_LIMITS.title.max),
    displayName: editorText('Firma', TESTIMONY_LIMITS.displayName.max),
    redactedStory: editorText('Racconto', TESTIMONY_LIMITS.story.max),
  },
  'title, displayName e redactedStory',
);

/** POST …/reject: a coded reason of the editorial policy, and an optional private note. */
export const rejectRequestSchema = requestBody(
  {
    reason: z.enum(REJECTION_REASONS, {
      error: (issue) =>
        issue.input === undefined
          ? 'Scegli il motivo del rifiuto.'
          : `Motivo del rifiuto non valido: scegli uno fra ${REJECTION_REASONS.join(', ')}.`,
    }),
    note: editorText('Nota', MODERATOR_NOTE_MAX_LENGTH),
  },
  'reason e note',
);

export type ApproveRequest = z.output<typeof approveRequestSchema>;
export type RejectRequest = z.output<typeof rejectRequestSchema>;
