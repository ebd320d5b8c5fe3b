import type { Core } from '@strapi/strapi';
import { CHANNEL_LABELS, ROLE_LABELS, SECTOR_LABELS, submissionStatusUrl, type Channel, type Role, type Sector } from '@chiudete/types';
import { adminEditUrl as contentManagerUrl, cmsUrlOf, escapeHtml, oneLine, redazioneAddress, sendToRedazione, type EmailMessage } from '../../../public-forms';
import { redact } from '../../../redaction';
import type { SubmissionsConfig } from '../../../../config/submissions';

/**
 * E-mails about submissions: to the editors (only redacted text goes out,
 * never the raw story, never the submitter's e-mail address), and to the
 * submitter who left an e-mail, their private link.
 */

const SUBMISSION_UID = 'api::testimony-submission.testimony-submission';
const EXCERPT_LENGTH = 600;

/** What the notification shows of a submission. */
export interface SubmissionSummary {
  documentId: string;
  title: string;
  role: Role;
  sector: Sector;
  channel: Channel;
  companyBrand?: string | null;
  eventMonth: string;
  redactedStory: string;
  personalDataCount: number;
}

function excerpt(text: string, length = EXCERPT_LENGTH): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > length * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** Admin edit page of a submission. */
export const adminEditUrl = (cmsUrl: string, documentId: string) => contentManagerUrl(cmsUrl, SUBMISSION_UID, documentId);

/**
 * The editors' e-mail about a new submission (Italian), as text and HTML.
 * Free text written by the reader (title, company) is redacted here too:
 * only the story is redacted at submission time.
 */
export function composeNewSubmissionEmail(submission: SubmissionSummary, { to, cmsUrl }: { to: string; cmsUrl: string }): EmailMessage {
  const title = oneLine(redact(submission.title).redacted);
  const company = submission.companyBrand ? oneLine(redact(submission.companyBrand).redacted) : '';
  const story = excerpt(submission.redactedStory.trim());
  const link = adminEditUrl(cmsUrl, submission.documentId);
  const found = submission.personalDataCount;
  const foundLine = found === 0
    ? 'Dati personali trovati e oscurati: nessuno (controlla comunque il testo).'
    : `Dati personali trovati e oscurati: ${found}.`;

  const facts: Array<[string, string]> = [
    ['Titolo', title],
    ['Ruolo', ROLE_LABELS[submission.role]],
    ['Settore', SECTOR_LABELS[submission.sector]],
    ['Canale', CHANNEL_LABELS[submission.channel]],
    ...(company ? [['Azienda', company] as [string, string]] : []),
    ['Mese dei fatti', submission.eventMonth],
  ];

  const text = [
    'È arrivata una nuova testimonianza da moderare.',
    '',
    ...facts.map(([label, value]) => `${label}: ${value}`),
    foundLine,
    '',
    'Estratto (dati personali già oscurati):',
    '',
    story,
    '',
    `Apri la testimonianza per moderarla: ${link}`,
    '',
    '-- ',
    'Messaggio automatico del sito Chiudete i Call Center. Il testo originale e l\'indirizzo di chi scrive si leggono solo nel pannello di amministrazione.',
  ].join('\n');

  const html = [
    '<p>È arrivata una nuova testimonianza da moderare.</p>',
    '<ul>',
    ...facts.map(([label, value]) => `<li><strong>${escapeHtml(label)}:</strong> ${escapeHtml(value)}</li>`),
    `<li>${escapeHtml(foundLine)}</li>`,
    '</ul>',
    '<p><strong>Estratto (dati personali già oscurati):</strong></p>',
    `<blockquote style="white-space:pre-line">${escapeHtml(story)}</blockquote>`,
    `<p><a href="${escapeHtml(link)}">Apri la testimonianza per moderarla</a></p>`,
    '<p style="color:#666;font-size:small">Messaggio automatico del sito Chiudete i Call Center. Il testo originale e l\'indirizzo di chi scrive si leggono solo nel pannello di amministrazione.</p>',
  ].join('\n');

  return { to, subject: `Nuova testimonianza da moderare: ${title}`, text, html };
}

/** What the e-mail to the submitter needs: their address, the story's title, the private token and the site. */
export interface PrivateLinkEmail {
  to: string;
  title: string;
  accessToken: string;
  siteUrl: string;
}

/**
 * The submitter's copy of the private link (Italian, text and HTML): the
 * same link the confirmation page shows, so that losing that page loses
 * nothing. The title is the submitter's own text, redacted all the same
 * (e-mails get forwarded).
 */
export function composePrivateLinkEmail({ to, title, accessToken, siteUrl }: PrivateLinkEmail): EmailMessage {
  const story = oneLine(redact(title).redacted);
  const link = submissionStatusUrl(siteUrl, accessToken);
  const lines = [
    'Ciao,',
    '',
    `abbiamo ricevuto la tua storia «${story}». Grazie per averla raccontata.`,
    '',
    'Questo è il tuo link privato: con questo puoi vedere a che punto è la tua storia e, se cambi idea, ritirarla (in quel caso la togliamo dal sito e cancelliamo i tuoi dati).',
    '',
    link,
    '',
    'Conserva questa e-mail e non inoltrarla: chi ha il link può ritirare la tua storia.',
    '',
    'Se non hai inviato tu questa storia, ignora questo messaggio: qualcuno ha scritto il tuo indirizzo per errore.',
    '',
    '-- ',
    'La redazione di Chiudete i Call Center',
  ];
  const html = [
    '<p>Ciao,</p>',
    `<p>abbiamo ricevuto la tua storia «${escapeHtml(story)}». Grazie per averla raccontata.</p>`,
    '<p>Questo è il tuo link privato: con questo puoi vedere a che punto è la tua storia e, se cambi idea, ritirarla (in quel caso la togliamo dal sito e cancelliamo i tuoi dati).</p>',
    `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
    '<p>Conserva questa e-mail e non inoltrarla: chi ha il link può ritirare la tua storia.</p>',
    '<p style="color:#666;font-size:small">Se non hai inviato tu questa storia, ignora questo messaggio: qualcuno ha scritto il tuo indirizzo per errore.<br>La redazione di Chiudete i Call Center</p>',
  ].join('\n');
  return { to, subject: 'La tua storia è arrivata: ecco il tuo link privato', text: lines.join('\n'), html };
}

const notificationService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Sends the submitter their private link. Rejects on failure: the caller logs it.
   * Never logged when SMTP is not configured: the link is a key to the submission.
   */
  async privateLink({ to, title, accessToken }: Omit<PrivateLinkEmail, 'siteUrl'>): Promise<void> {
    const { siteUrl } = strapi.config.get<SubmissionsConfig>('submissions');
    await sendToRedazione(strapi, composePrivateLinkEmail({ to, title, accessToken, siteUrl }), { tag: '[submissions]', logText: false, recipientLabel: 'the submitter (private link)' });
  },

  /** Tells the editors about a new submission. Rejects on failure: the caller logs it. */
  async newSubmission(documentId: string): Promise<void> {
    const submission = await strapi.documents(SUBMISSION_UID).findOne({
      documentId,
      fields: ['title', 'role', 'sector', 'channel', 'companyBrand', 'eventMonth', 'redactedStory', 'personalDataFindings'],
    });
    if (!submission) throw new Error(`submission ${documentId} not found`);

    const { title, role, sector, channel, eventMonth } = submission;
    if (!title || !role || !sector || !channel || !eventMonth) throw new Error(`submission ${documentId} lacks a required field`);
    const findings = submission.personalDataFindings;
    const message = composeNewSubmissionEmail(
      {
        documentId,
        title,
        role,
        sector,
        channel,
        companyBrand: submission.companyBrand,
        eventMonth,
        redactedStory: submission.redactedStory ?? '',
        personalDataCount: Array.isArray(findings) ? findings.length : 0,
      },
      { to: await redazioneAddress(strapi), cmsUrl: cmsUrlOf(strapi) },
    );
    // Only redacted text: it may go to the log when SMTP is not configured.
    await sendToRedazione(strapi, message, { tag: '[submissions]', logText: true });
  },
});

export type NotificationService = ReturnType<typeof notificationService>;

export default notificationService;
