import { CHANNELS, OSSERVATORIO_COMPANY_THRESHOLD_DEFAULT, OSSERVATORIO_LICENSE, ROLES, SECTORS, NEWSLETTER_EVENTS_SECRET_HEADER, NEWSLETTER_EVENT_TYPES, WEBHOOK_EVENT_TYPES, IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_PATTERN, PUBLIC_CONTENT_TYPES, SEARCH_MAX_RESULTS, SITEMAP_PAGE_MAX, SITEMAP_PAGE_SIZE_MAX, SITEMAP_TYPES, WEBHOOK_DELIVERIES_PAGE_MAX, publicContentType, WEBHOOK_DELIVERIES_PAGE_SIZE_MAX, WEBHOOK_DELIVERY_STATUSES, NEWSLETTER_SUBSCRIBER_STATUSES } from '@chiudete/types';
import { contactMessageSchema, osservatorioQuerySchema, searchQuerySchema, sitemapPageQuerySchema, testimonySubmissionSchema, webhookDeliveriesQuerySchema, newsletterSubscriptionSchema, newsletterTokenSchema } from '@chiudete/types/forms';
import { cacheableHeaders, noStoreHeaders, rateLimitHeaders } from './components';
import { arrayOf, object, ref, type Schema } from './json-schema';
import type { AppModel } from './model';

/**
 * The app's own public routes (not core find/findOne): the forms, their
 * anti-abuse endpoints, the search, the sitemap source and this document. Keyed by Strapi's
 * method and path; scripts/openapi.ts fails on a public route that has no
 * entry here, so that a new route is never left out of the contract.
 * Request bodies are the forms' own zod schemas (@chiudete/types/forms)
 * turned into JSON Schema: the browser form, the CMS and this document
 * share one definition.
 */

export interface CustomOperation {
  operation: Schema;
  schemas?: Record<string, Schema>;
}

type ZodLike = { toJSONSchema(params: { io: 'input'; unrepresentable: 'any'; target: 'draft-2020-12' }): unknown };

/** A zod schema as JSON Schema, without its `$schema` (the document declares the dialect). */
function fromZod(schema: ZodLike): Schema {
  const { $schema: _dialect, ...rest } = schema.toJSONSchema({ io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Schema;
  return rest;
}

const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` });
const json = (schema: Schema, example?: unknown) => ({ 'application/json': { schema, ...(example === undefined ? {} : { example }) } });
const FORMS_SECURITY: Schema[] = [{}];

const ANTI_ABUSE_PROPERTIES: Record<string, Schema> = {
  formToken: { type: 'string', description: 'Signed form token from `GET /form-tokens/{form}`, issued at least `minFillSeconds` before submitting.' },
  altcha: { type: 'string', description: 'The ALTCHA widget\'s payload (base64 JSON) for a challenge from `GET /altcha/challenge`; each one is accepted once.' },
  website: { type: 'string', maxLength: 0, description: 'Honeypot: absent or empty.' },
};

/** `{ data: <form fields + anti-abuse fields> }`, strict like the CMS. */
function formBody(form: Schema, description: string): Schema {
  const properties = { ...(form.properties as Record<string, Schema>), ...ANTI_ABUSE_PROPERTIES };
  const required = [...((form.required as string[] | undefined) ?? []), 'formToken', 'altcha'];
  return object({ data: { type: 'object', properties, required, additionalProperties: false } }, ['data'], { description });
}

function submissionState(model: AppModel): Schema {
  const statuses = model.contentTypes['api::testimony-submission.testimony-submission']?.attributes.submissionStatus?.enum ?? [];
  return object({
    status: { enum: statuses, description: '`nuova` (received), `in_revisione`, `approvata` (published), `rifiutata`, `ritirata` (withdrawn by its author).' },
    title: { type: 'string' },
    submittedAt: { type: 'string', format: 'date-time' },
    moderatedAt: { type: ['string', 'null'], format: 'date-time' },
    withdrawnAt: { type: ['string', 'null'], format: 'date-time' },
    testimonySlug: { type: ['string', 'null'], description: 'Slug of the published testimony, while it is online.' },
    canWithdraw: { type: 'boolean' },
  }, undefined, { description: 'What the author of a submission may see of it with its private token.' });
}

const tokenParameter: Schema = {
  name: 'token',
  in: 'path',
  required: true,
  description: 'The private access token returned once by `POST /testimony-submissions` (256 bits, base64url).',
  schema: { type: 'string' },
};

const idempotencyKeyParameter: Schema = {
  name: IDEMPOTENCY_KEY_HEADER,
  in: 'header',
  required: false,
  description: 'One UUID per form fill (`crypto.randomUUID()`), the same on every retry of that fill: a retry of a stored submission gets the first 202 again (same `id` and `accessToken`) and creates nothing; the same key with other content is a 422. Malformed: 400.',
  // JSON Schema patterns have no `i` flag: both cases spelled out.
  schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source.split('[0-9a-f]').join('[0-9a-fA-F]') },
};

const SEARCH_HIT: Schema = object({
  type: { enum: ['article', 'testimony', 'answer'] },
  documentId: { type: 'string', pattern: '^[a-z0-9]{24}$' },
  slug: { type: 'string' },
  title: { type: 'string' },
  titleSegments: arrayOf(ref('SearchSegment'), { description: 'The title with the query\'s words marked.' }),
  excerpt: arrayOf(ref('SearchSegment'), { description: 'A short passage around the query\'s words, marked; `…` where it was cut.' }),
  publishedAt: { type: 'string', format: 'date-time' },
  date: { type: 'string', description: 'The entry\'s editorial date, the one to show with it: an article\'s `publicationDate`, a testimony\'s `receivedDate` (both `YYYY-MM-DD`), otherwise `publishedAt`.' },
  score: { type: 'number', description: 'Relevance, higher is better; comparable only within one response.' },
});

/** A 400 of a read: the envelope of the forms' errors (one coded error per parameter), with the read limit's headers. */
const READ_BAD_REQUEST = {
  description: 'A parameter is missing, unknown or invalid: one coded error per parameter.',
  headers: rateLimitHeaders(),
  content: json(ref('FormError')),
};

/** Query parameters from a zod schema of @chiudete/types/forms. */
const queryParameters = (schema: ZodLike, required: readonly string[] = []) =>
  Object.entries((fromZod(schema).properties ?? {}) as Record<string, Schema>).map(([name, parameter]) => ({
    name,
    in: 'query',
    required: required.includes(name),
    schema: parameter,
  }));

const countOf = (keys: readonly string[]): Schema => object({ key: { enum: [...keys] }, count: { type: 'integer', minimum: 0 } });

/** The Osservatorio's schemas (the contract `OsservatorioAggregates` of @chiudete/types). */
const OSSERVATORIO_SCHEMAS: Record<string, Schema> = {
  OsservatorioCompany: object({
    slug: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', description: 'The company\'s slug: the `company` parameter.' },
    name: { type: 'string', description: 'The spelling most testimonies use.' },
    count: { type: 'integer', minimum: 1 },
  }),
  OsservatorioMonth: object({
    month: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
    count: { type: 'integer', minimum: 0 },
    cliente: { type: 'integer', minimum: 0 },
    operatore: { type: 'integer', minimum: 0 },
  }),
  OsservatorioAggregates: object({
    filters: object({
      sector: { enum: [...SECTORS, null] },
      from: { type: ['string', 'null'] },
      to: { type: ['string', 'null'] },
      company: { oneOf: [ref('OsservatorioCompany'), { type: 'null' }] },
    }, undefined, { description: 'The filters applied, `null` where not given.' }),
    total: { type: 'integer', minimum: 0, description: 'Published testimonies counted.' },
    bySector: arrayOf(countOf(SECTORS), { description: 'Every sector, zeros included, in this order.' }),
    byChannel: arrayOf(countOf(CHANNELS), { description: 'Every channel, zeros included, in this order.' }),
    byRole: arrayOf(countOf(ROLES), { description: 'Every role, zeros included, in this order.' }),
    byMonth: arrayOf(ref('OsservatorioMonth'), { description: 'Every month from the first to the last with a testimony (zeros included), oldest first.' }),
    companies: arrayOf(ref('OsservatorioCompany'), { description: 'Companies with at least `companyThreshold` testimonies in the filtered set, most named first.' }),
    otherCompanies: { type: 'integer', minimum: 0, description: 'Testimonies whose company is not named (under the threshold, or none given).' },
    companyThreshold: { type: 'integer', minimum: 1, description: `Testimonies a company needs to be named (default ${OSSERVATORIO_COMPANY_THRESHOLD_DEFAULT}).` },
    generatedAt: { type: 'string', format: 'date-time' },
    license: object({ name: { const: OSSERVATORIO_LICENSE.name }, url: { const: OSSERVATORIO_LICENSE.url }, attribution: { const: OSSERVATORIO_LICENSE.attribution } }),
  }),
  OsservatorioResponse: object({ data: ref('OsservatorioAggregates') }),
};

const OSSERVATORIO_NOT_FOUND = {
  description: 'The company is not named by the Osservatorio for these filters: under the threshold, or never given. The same answer in both cases.',
  headers: rateLimitHeaders(),
  content: json(ref('Error')),
};

/** The Osservatorio's Cache-Control: the public API's, or `no-cache` on figures answered while they are being computed again (at most 5 s after a change). */
const OSSERVATORIO_CACHE_CONTROL: Schema = {
  description: 'Without `Authorization`: `public, max-age=60, stale-while-revalidate=300`; with an API token: `private, max-age=0, must-revalidate`. `no-cache` on figures answered while they are being computed again after a change (for a few seconds at most): use them, but do not keep them.',
  required: true,
  schema: { enum: ['public, max-age=60, stale-while-revalidate=300', 'private, max-age=0, must-revalidate', 'no-cache'] },
};

/** A 304 of the Osservatorio: the public API's NotModified, with the Osservatorio's Cache-Control. */
const OSSERVATORIO_NOT_MODIFIED: Schema = {
  description: 'The copy whose ETag was sent in `If-None-Match` is current. No body.',
  headers: {
    'ETag': { $ref: '#/components/headers/ETag' },
    'Cache-Control': OSSERVATORIO_CACHE_CONTROL,
    'Vary': { $ref: '#/components/headers/Vary' },
    ...rateLimitHeaders(),
  },
};

const LICENSE_LINK_HEADER: Schema = { description: `\`<${OSSERVATORIO_LICENSE.url}>; rel="license"\`: the data's licence.`, schema: { type: 'string' } };

/** Operations by `METHOD /strapi/path`. */
export function customOperations(model: AppModel): Record<string, CustomOperation> {
  return {
    'GET /openapi.json': {
      operation: {
        operationId: 'getOpenApiDocument',
        tags: ['Meta'],
        summary: 'This document',
        description: 'The OpenAPI 3.1 description of the public API (the committed `apps/cms/openapi/content-api.json`; `servers` names this CMS when `PUBLIC_URL` is set). Cacheable, with an ETag.',
        security: FORMS_SECURITY,
        parameters: [{ $ref: '#/components/parameters/IfNoneMatch' }],
        responses: {
          200: { description: 'The OpenAPI document.', headers: cacheableHeaders(), content: json({
            type: 'object',
            properties: { openapi: { type: 'string', pattern: '^3\\.1\\.' }, info: { type: 'object' }, paths: { type: 'object' }, components: { type: 'object' } },
            required: ['openapi', 'info', 'paths'],
          }),
          },
          304: responseRef('NotModified'),
          429: responseRef('TooManyReads'),
        },
      },
    },

    'GET /form-tokens/:form': {
      operation: {
        operationId: 'getFormToken',
        tags: ['Forms'],
        summary: 'A signed token for a public form',
        description: 'Get one when the form is shown; submit no sooner than `minFillSeconds` later and before `expiresAt`. Limited per client address.',
        security: FORMS_SECURITY,
        parameters: [{ name: 'form', in: 'path', required: true, schema: { enum: ['testimony', 'contact', 'newsletter'] } }],
        responses: {
          200: {
            description: 'A form token.',
            headers: noStoreHeaders(),
            content: json(object({
              data: object({
                token: { type: 'string' },
                minFillSeconds: { type: 'integer', minimum: 0 },
                expiresAt: { type: 'string', format: 'date-time' },
              }),
            })),
          },
          400: responseRef('FormInvalid'),
          429: responseRef('FormTooManyRequests'),
        },
      },
    },

    'GET /altcha/challenge': {
      operation: {
        operationId: 'getAltchaChallenge',
        tags: ['Forms'],
        summary: 'An ALTCHA proof-of-work challenge',
        description: 'The JSON the `altcha` widget expects (protocol v1). Solve it, and send the widget\'s payload as `altcha` with the form. Limited per client address.',
        security: FORMS_SECURITY,
        responses: {
          200: {
            description: 'A signed challenge, valid for a few minutes.',
            headers: noStoreHeaders(),
            content: json(object({
              algorithm: { const: 'SHA-256' },
              challenge: { type: 'string', pattern: '^[0-9a-f]{64}$' },
              maxnumber: { type: 'integer', minimum: 1 },
              salt: { type: 'string' },
              signature: { type: 'string', pattern: '^[0-9a-f]{64}$' },
            })),
          },
          429: responseRef('FormTooManyRequests'),
        },
      },
    },

    'POST /testimony-submissions': {
      schemas: {
        TestimonySubmissionRequest: formBody(fromZod(testimonySubmissionSchema), 'A testimony as the form at /testimonianze/invia sends it.'),
        SubmissionReceipt: object({
          data: object({
            id: { type: 'string', description: 'The submission\'s documentId.' },
            status: { const: 'nuova' },
            accessToken: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$', description: 'Private token for the status and withdraw links: shown once, stored hashed.' },
            linkEmailed: { type: 'boolean', description: 'Whether the submitter gave a contact e-mail, to which the private link is sent (once, after the submission is stored).' },
          }),
        }),
      },
      operation: {
        operationId: 'submitTestimony',
        tags: ['Forms'],
        summary: 'Send a testimony',
        description: 'Stored (personal data detected and masked) and sent to the redazione for moderation; nothing is published before a moderator approves it. Limited per client address and overall.',
        security: FORMS_SECURITY,
        parameters: [idempotencyKeyParameter],
        requestBody: { required: true, content: json(ref('TestimonySubmissionRequest')) },
        responses: {
          202: { description: 'Received (or, for a retry with the same `Idempotency-Key`, received before: the same answer).', headers: noStoreHeaders(), content: json(ref('SubmissionReceipt')) },
          400: responseRef('FormInvalid'),
          413: responseRef('PayloadTooLarge'),
          422: { description: 'The `Idempotency-Key` was already used for a submission with other content: generate a new key for each form fill.', headers: noStoreHeaders(), content: json(ref('Error')) },
          429: responseRef('FormTooManyRequests'),
        },
      },
    },

    'GET /testimony-submissions/status/:token': {
      schemas: { SubmissionState: submissionState(model), SubmissionStateResponse: object({ data: ref('SubmissionState') }) },
      operation: {
        operationId: 'getSubmissionStatus',
        tags: ['Forms'],
        summary: 'Where a submission stands (for its author)',
        security: FORMS_SECURITY,
        parameters: [tokenParameter],
        responses: {
          200: { description: 'The submission\'s state.', headers: noStoreHeaders(), content: json(ref('SubmissionStateResponse')) },
          404: { description: 'No submission has this token.', headers: noStoreHeaders(), content: json(ref('Error')) },
          429: responseRef('FormTooManyRequests'),
        },
      },
    },

    'POST /testimony-submissions/withdraw/:token': {
      operation: {
        operationId: 'withdrawSubmission',
        tags: ['Forms'],
        summary: 'Withdraw a submission (for its author)',
        description: 'Unpublishes the testimony if it was published and erases the personal data. Partners who republished it must remove it too (see the attribution rules).',
        security: FORMS_SECURITY,
        parameters: [tokenParameter],
        responses: {
          200: { description: 'Withdrawn: the new state.', headers: noStoreHeaders(), content: json(ref('SubmissionStateResponse')) },
          404: { description: 'No submission has this token.', headers: noStoreHeaders(), content: json(ref('Error')) },
          429: responseRef('FormTooManyRequests'),
        },
      },
    },

    'POST /contact-messages': {
      schemas: {
        ContactMessageRequest: formBody(fromZod(contactMessageSchema), 'A message as the form at /contatti sends it.'),
        ContactMessageReceipt: object({ data: object({ id: { type: 'string', description: 'The message\'s documentId.' } }) }),
      },
      operation: {
        operationId: 'sendContactMessage',
        tags: ['Forms'],
        summary: 'Write to the redazione',
        description: 'Stored and e-mailed to the redazione; never readable through the API. Limited per client address and overall.',
        security: FORMS_SECURITY,
        requestBody: { required: true, content: json(ref('ContactMessageRequest')) },
        responses: {
          202: { description: 'Received.', headers: noStoreHeaders(), content: json(ref('ContactMessageReceipt')) },
          400: responseRef('FormInvalid'),
          413: responseRef('PayloadTooLarge'),
          429: responseRef('FormTooManyRequests'),
        },
      },
    },

    'POST /newsletter-events': {
      schemas: {
        NewsletterEventRequest: object({ data: object({
          type: { enum: [...NEWSLETTER_EVENT_TYPES], description: '`bounce`: the address did not accept the newsletter; `complaint`: the reader marked it as spam.' },
          email: { type: 'string', maxLength: 254, description: 'The address the provider reports about.' },
          hard: { type: 'boolean', default: true, description: 'Bounces only: false for a temporary failure (mailbox full). A hard bounce or a complaint erases the subscriber.' },
          reason: { type: 'string', maxLength: 500, description: 'The provider\'s words, kept on the send log.' },
        }, ['type', 'email'], { description: 'A bounce or complaint, as the mail provider reports it (docs/newsletter-sending.md).' }) }, ['data'], { description: 'The event, in the API\'s `data` envelope.' }),
        NewsletterEventReceipt: object({
          data: object({
            recorded: { type: 'integer', minimum: 0, description: 'Send-log rows of the address that now carry the event (0 for an unknown address).' },
            erased: { type: 'boolean', description: 'Whether the subscriber was erased (hard bounce or complaint).' },
          }),
        }),
      },
      operation: {
        operationId: 'reportNewsletterEvent',
        tags: ['Forms'],
        summary: 'Newsletter bounces and complaints (mail provider only)',
        description: `For the newsletter's mail provider, not for partners: a bounce or complaint about an address. Needs the shared secret in the \`${NEWSLETTER_EVENTS_SECRET_HEADER}\` header (NEWSLETTER_EVENTS_SECRET); 403 when the CMS has none configured.`,
        security: [{}],
        parameters: [{ name: NEWSLETTER_EVENTS_SECRET_HEADER, in: 'header', required: true, schema: { type: 'string', minLength: 32 }, description: 'The shared secret (NEWSLETTER_EVENTS_SECRET).' }],
        requestBody: { required: true, content: json(ref('NewsletterEventRequest')) },
        responses: {
          202: { description: 'Recorded.', headers: noStoreHeaders(), content: json(ref('NewsletterEventReceipt')) },
          400: responseRef('BadRequest'),
          401: { description: 'Missing or wrong secret.', content: json(ref('Error')) },
          413: responseRef('PayloadTooLarge'),
          403: { description: 'NEWSLETTER_EVENTS_SECRET is not set on the CMS: the endpoint is off.', content: json(ref('Error')) },
        },
      },
    },

    'POST /newsletter-subscriptions': {
      schemas: {
        NewsletterSubscriptionRequest: formBody(fromZod(newsletterSubscriptionSchema), 'A subscription as the site\'s newsletter form sends it. `interests`: article category slugs and `testimonianze`; empty or absent: everything.'),
        NewsletterSubscriptionReceipt: object({ data: object({ status: { const: 'received' } }) }),
      },
      operation: {
        operationId: 'subscribeNewsletter',
        tags: ['Forms'],
        summary: 'Subscribe to the newsletter (double opt-in)',
        description: 'Sends a confirmation e-mail with a link valid 7 days; nothing else is sent before it is clicked, and an address never confirmed is erased after 7 days. The answer is the same whether the address is new, waiting or already subscribed.',
        security: FORMS_SECURITY,
        parameters: [idempotencyKeyParameter],
        requestBody: { required: true, content: json(ref('NewsletterSubscriptionRequest')) },
        responses: {
          202: { description: 'Received (the same answer for every address, and for a retry with the same `Idempotency-Key`).', headers: noStoreHeaders(), content: json(ref('NewsletterSubscriptionReceipt')) },
          400: responseRef('FormInvalid'),
          413: responseRef('PayloadTooLarge'),
          422: { description: 'The `Idempotency-Key` was already used with other content: generate a new key for each form fill.', headers: noStoreHeaders(), content: json(ref('Error')) },
          429: responseRef('FormTooManyRequests'),
        },
      },
    },

    'POST /newsletter-subscriptions/confirm': {
      schemas: {
        NewsletterTokenRequest: object({ data: fromZod(newsletterTokenSchema) }, ['data'], { description: 'The token of a link of a newsletter e-mail (after `#token=` in the link).' }),
        NewsletterConfirmation: object({ data: object({ status: { enum: ['confermato', 'gia_confermato'] } }) }),
      },
      operation: {
        operationId: 'confirmNewsletter',
        tags: ['Forms'],
        summary: 'Confirm a newsletter subscription',
        description: 'With the token of the confirmation e-mail. A second use answers `gia_confermato`.',
        security: FORMS_SECURITY,
        requestBody: { required: true, content: json(ref('NewsletterTokenRequest')) },
        responses: {
          200: { description: 'Confirmed (or already confirmed).', headers: noStoreHeaders(), content: json(ref('NewsletterConfirmation')) },
          400: responseRef('FormInvalid'),
          404: { description: 'The token is not valid (forged, incomplete, or for another purpose).', headers: noStoreHeaders(), content: json(ref('Error')) },
          410: { description: 'The link expired, or the address is no longer subscribed.', headers: noStoreHeaders(), content: json(ref('Error')) },
        },
      },
    },

    'POST /newsletter-subscriptions/unsubscribe': {
      schemas: {
        NewsletterUnsubscription: object({ data: object({ status: { const: 'cancellato' } }) }),
      },
      operation: {
        operationId: 'unsubscribeNewsletter',
        tags: ['Forms'],
        summary: 'Unsubscribe from the newsletter (erases the address)',
        description: 'From the site: JSON `{ data: { token } }`. From a mail client (RFC 8058 one-click, the `List-Unsubscribe` header): `?token=` with the form-encoded body `List-Unsubscribe=One-Click`. An address already erased answers the same.',
        security: FORMS_SECURITY,
        parameters: [{ name: 'token', in: 'query', required: false, schema: { type: 'string', maxLength: 200 }, description: 'RFC 8058 one-click only: the token of the `List-Unsubscribe` link.' }],
        requestBody: {
          required: true,
          content: {
            ...json(ref('NewsletterTokenRequest')),
            'application/x-www-form-urlencoded': { schema: object({ 'List-Unsubscribe': { const: 'One-Click' } }, ['List-Unsubscribe']) },
          },
        },
        responses: {
          200: { description: 'Unsubscribed: the address is erased.', headers: noStoreHeaders(), content: json(ref('NewsletterUnsubscription')) },
          400: responseRef('FormInvalid'),
          404: { description: 'The token is not valid, or a one-click POST without `List-Unsubscribe=One-Click`.', headers: noStoreHeaders(), content: json(ref('Error')) },
          410: { description: 'The link expired: use the one of a newer e-mail.', headers: noStoreHeaders(), content: json(ref('Error')) },
        },
      },
    },

    'GET /newsletter-subscriptions/data/:token': {
      schemas: {
        NewsletterSubscriberData: object({
          data: object({
            email: { type: 'string', description: 'As given.' },
            status: { enum: [...NEWSLETTER_SUBSCRIBER_STATUSES] },
            interests: arrayOf({ type: 'string' }, { description: 'Article category slugs and `testimonianze`; empty: everything.' }),
            consentAt: { type: 'string', format: 'date-time' },
            confirmedAt: { type: ['string', 'null'], format: 'date-time' },
            noticeVersion: { type: 'string' },
            noticeText: { type: 'string', description: 'The privacy notice agreed to, word for word.' },
            createdAt: { type: 'string', format: 'date-time' },
          }),
        }),
      },
      operation: {
        operationId: 'getNewsletterData',
        tags: ['Forms'],
        summary: 'Everything stored about a subscriber (for the subscriber)',
        description: 'With the token of the "my data" link of a newsletter e-mail.',
        security: FORMS_SECURITY,
        parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string', maxLength: 200 }, description: 'The token of the "my data" link.' }],
        responses: {
          200: { description: 'The stored data.', headers: noStoreHeaders(), content: json(ref('NewsletterSubscriberData')) },
          404: { description: 'The token is not valid.', headers: noStoreHeaders(), content: json(ref('Error')) },
          410: { description: 'The link expired, or the address is no longer subscribed.', headers: noStoreHeaders(), content: json(ref('Error')) },
        },
      },
    },

    'GET /search': {
      schemas: {
        SearchSegment: object({ text: { type: 'string' }, match: { type: 'boolean', description: 'A word of the query: render it marked (as text, never HTML).' } }),
        SearchHit: SEARCH_HIT,
        SearchResponse: object({
          data: arrayOf(ref('SearchHit')),
          meta: object({
            query: { type: 'string' },
            correctedQuery: { type: ['string', 'null'], description: 'The query with misspelt words corrected, when the correction was used.' },
            mode: { enum: ['all', 'any'], description: '`all`: entries with every word; `any`: none had them all, so entries with at least one.' },
            type: { enum: ['article', 'testimony', 'answer', null] },
            indexing: { type: 'boolean', description: 'The index is being rebuilt in the background: until it ends, some entries may be missing or out of date (after an upgrade, misspelt words are not corrected meanwhile). Usually false.' },
            counts: object({ all: { type: 'integer', minimum: 0 }, article: { type: 'integer', minimum: 0, maximum: SEARCH_MAX_RESULTS }, testimony: { type: 'integer', minimum: 0, maximum: SEARCH_MAX_RESULTS }, answer: { type: 'integer', minimum: 0, maximum: SEARCH_MAX_RESULTS } }, undefined, { description: `Matches per type, whatever the type filter, each counted up to ${SEARCH_MAX_RESULTS}; \`all\` is their sum.` }),
            countsCapped: { type: 'boolean', description: `Some count reached ${SEARCH_MAX_RESULTS}: there are at least that many matches, and the ${SEARCH_MAX_RESULTS} most recent are the ones ranked and returned. Add words to narrow the search.` },
            pagination: ref('Pagination'),
          }),
        }),
      },
      operation: {
        operationId: 'search',
        tags: ['Search'],
        summary: 'Full-text search of articles, testimonies and answers',
        description: `Ranked, with highlighted titles and excerpts. Italian stemming; misspelt words are corrected when nothing matches. At most ${SEARCH_MAX_RESULTS} results: when more entries match, the ${SEARCH_MAX_RESULTS} most recent are ranked (\`countsCapped\`).`,
        parameters: queryParameters(searchQuerySchema, ['q']),
        responses: {
          200: { description: 'A page of results.', headers: cacheableHeaders(), content: json(ref('SearchResponse')) },
          304: responseRef('NotModified'),
          400: READ_BAD_REQUEST,
          401: responseRef('Unauthorized'),
          429: responseRef('TooManyReads'),
        },
      },
    },

    'GET /webhook-deliveries': {
      schemas: {
        WebhookDeliveryLinkedWebhook: object({
          name: { type: 'string', description: 'The endpoint\'s name in the CMS (usually yours).' },
          url: { type: 'string', format: 'uri', description: 'The URL the deliveries are sent to.' },
        }),
        WebhookDelivery: object({
          deliveryId: { type: 'string', pattern: '^[a-z0-9]{24}$', description: 'The `X-Chiudete-Delivery` header of its requests: the same in every retry.' },
          eventId: { type: 'string', pattern: '^evt_[0-9a-f]{24}$', description: 'The event\'s `id`, as in the body received.' },
          eventType: { enum: [...WEBHOOK_EVENT_TYPES] },
          contentType: { enum: [...PUBLIC_CONTENT_TYPES, null], description: 'The content the event is about; null for `webhook.ping`.' },
          entryDocumentId: { type: ['string', 'null'], description: 'The entry\'s documentId; null for `webhook.ping`.' },
          status: { enum: [...WEBHOOK_DELIVERY_STATUSES], description: '`pending` (queued, or waiting for a retry), `delivered` (your endpoint answered 2xx), `failed` (six attempts failed, the endpoint was switched off, or a ping that failed: never retried).' },
          attempts: { type: 'integer', minimum: 0, maximum: 6 },
          lastHttpStatus: { type: ['integer', 'null'], description: 'Your endpoint\'s status code at the last attempt; null when it did not answer.' },
          lastError: { type: ['string', 'null'], description: 'What went wrong at the last attempt, with the start of your answer\'s body; null on success.' },
          nextAttemptAt: { type: ['string', 'null'], format: 'date-time', description: 'When the next attempt goes out; null when delivered or failed.' },
          deliveredAt: { type: ['string', 'null'], format: 'date-time' },
          createdAt: { type: 'string', format: 'date-time', description: 'When the delivery was created (the change, or the ping).' },
          updatedAt: { type: 'string', format: 'date-time', description: 'When the delivery last changed: the end of its last attempt.' },
          webhook: ref('WebhookDeliveryLinkedWebhook'),
        }),
        WebhookDeliveriesResponse: object({
          data: arrayOf(ref('WebhookDelivery'), { description: 'Newest first.' }),
          meta: object({
            pagination: ref('Pagination'),
            webhooks: arrayOf(ref('WebhookDeliveryLinkedWebhook'), { description: 'The endpoints linked to your token; empty when none is (then `data` is empty too: ask the redazione to link yours).' }),
          }),
        }),
      },
      operation: {
        operationId: 'listWebhookDeliveries',
        tags: ['Webhooks'],
        summary: 'The delivery log of your webhooks',
        description: `The deliveries of the webhooks the redazione linked to your API token, newest first: status, attempts, your endpoint's last answer, the next attempt. Never another partner's. Kept 30 days by default. Needs your token: without one, 401. At most ${WEBHOOK_DELIVERIES_PAGE_SIZE_MAX} per page, pages up to ${WEBHOOK_DELIVERIES_PAGE_MAX}.`,
        security: [{ apiToken: [] }],
        parameters: [...queryParameters(webhookDeliveriesQuerySchema), { $ref: '#/components/parameters/IfNoneMatch' }],
        responses: {
          200: { description: 'A page of deliveries.', headers: cacheableHeaders(), content: json(ref('WebhookDeliveriesResponse')) },
          304: responseRef('NotModified'),
          400: READ_BAD_REQUEST,
          401: {
            description: 'No API token, or an unknown, expired or revoked one: the log is only readable with your token.',
            headers: rateLimitHeaders(),
            content: json(ref('Error'), { data: null, error: { status: 401, name: 'UnauthorizedError', message: 'Missing or invalid credentials', details: {} } }),
          },
          403: responseRef('Forbidden'),
          429: responseRef('TooManyReads'),
        },
      },
    },

    'GET /sitemap': {
      schemas: {
        SitemapTypeSummary: object({
          type: { enum: [...SITEMAP_TYPES] },
          count: { type: 'integer', minimum: 0, description: 'Published entries of this type.' },
          lastModified: { type: ['string', 'null'], format: 'date-time', description: 'The newest `updatedAt` among them; null when there is none.' },
        }),
        SitemapIndexResponse: object({ data: arrayOf(ref('SitemapTypeSummary'), { description: 'One summary per type, always in this order: ' + SITEMAP_TYPES.join(', ') + '.' }) }),
      },
      operation: {
        operationId: 'getSitemapIndex',
        tags: ['Sitemap'],
        summary: 'What the sitemap holds, per type',
        description: 'For each type with pages of its own on the site, how many entries are published and when the newest changed: enough to build a sitemap index (one file per 50,000 entries) without reading the entries.',
        parameters: [{ $ref: '#/components/parameters/IfNoneMatch' }],
        responses: {
          200: { description: 'A summary per type.', headers: cacheableHeaders(), content: json(ref('SitemapIndexResponse')) },
          304: responseRef('NotModified'),
          400: READ_BAD_REQUEST,
          401: responseRef('Unauthorized'),
          429: responseRef('TooManyReads'),
        },
      },
    },

    'GET /sitemap/:type': {
      schemas: {
        SitemapEntry: object({
          slug: { type: 'string', description: `The entry's slug. Its page on the site, by type: ${SITEMAP_TYPES.map((type) => `${type} ${publicContentType(type).entry}`).join(', ')}.` },
          updatedAt: { type: 'string', format: 'date-time', description: 'When the published version last changed.' },
        }),
        SitemapPagination: object({
          page: { type: 'integer', minimum: 1, maximum: SITEMAP_PAGE_MAX },
          pageSize: { type: 'integer', minimum: 1, maximum: SITEMAP_PAGE_SIZE_MAX },
          pageCount: { type: 'integer', minimum: 0 },
          total: { type: 'integer', minimum: 0 },
        }),
        SitemapPageResponse: object({ data: arrayOf(ref('SitemapEntry')), meta: object({ pagination: ref('SitemapPagination') }) }),
      },
      operation: {
        operationId: 'getSitemapPage',
        tags: ['Sitemap'],
        summary: 'A page of published slugs of one type',
        description: 'Published entries only, slug and `updatedAt` only, in slug order (stable across pages). Up to 50,000 per page, the most one sitemap file may list: 100,000 testimonies are two requests. A page past the last one has no entries.',
        parameters: [
          { name: 'type', in: 'path', required: true, schema: { enum: [...SITEMAP_TYPES] } },
          ...queryParameters(sitemapPageQuerySchema),
          { $ref: '#/components/parameters/IfNoneMatch' },
        ],
        responses: {
          200: { description: 'A page of entries.', headers: cacheableHeaders(), content: json(ref('SitemapPageResponse')) },
          304: responseRef('NotModified'),
          400: READ_BAD_REQUEST,
          401: responseRef('Unauthorized'),
          429: responseRef('TooManyReads'),
        },
      },
    },

    'GET /osservatorio': {
      schemas: OSSERVATORIO_SCHEMAS,
      operation: {
        operationId: 'getOsservatorio',
        tags: ['Osservatorio'],
        summary: 'Published testimonies counted by sector, channel, role, month and company',
        description: `Open data under ${OSSERVATORIO_LICENSE.name} (${OSSERVATORIO_LICENSE.url}): credit «${OSSERVATORIO_LICENSE.attribution}». Only published testimonies count. Filters combine with AND; a company is named only with at least \`companyThreshold\` testimonies in the filtered set, and asking for one under it is a 404. Figures follow a publication or unpublication within seconds.`,
        parameters: [...queryParameters(osservatorioQuerySchema), { $ref: '#/components/parameters/IfNoneMatch' }],
        responses: {
          200: { description: 'The aggregates.', headers: { ...cacheableHeaders(), 'Cache-Control': OSSERVATORIO_CACHE_CONTROL, 'Link': LICENSE_LINK_HEADER }, content: json(ref('OsservatorioResponse')) },
          304: OSSERVATORIO_NOT_MODIFIED,
          400: READ_BAD_REQUEST,
          401: responseRef('Unauthorized'),
          404: OSSERVATORIO_NOT_FOUND,
          429: responseRef('TooManyReads'),
        },
      },
    },

    'GET /osservatorio/download.:format': {
      operation: {
        operationId: 'downloadOsservatorio',
        tags: ['Osservatorio'],
        summary: 'The same figures as a file: CSV or JSON',
        description: 'An attachment (`Content-Disposition`) named after the filters, e.g. `osservatorio-telefonia.csv`. JSON: the body of `GET /osservatorio`. CSV: RFC 4180, UTF-8 without BOM, CRLF, one long table `dimension,key,label,count` whose first row after the header is the licence (`license`, its URL, «CC BY 4.0 — attribution»), then `generated_at`, the `filter` rows, `company_threshold`, `total`, `sector`, `channel`, `role`, `month`, `month_cliente`, `month_operatore`, `company`, `other_companies` (docs/partners.md describes each). Text that a spreadsheet would run as a formula gets a leading apostrophe.',
        parameters: [
          { name: 'format', in: 'path', required: true, schema: { enum: ['csv', 'json'] } },
          ...queryParameters(osservatorioQuerySchema),
          { $ref: '#/components/parameters/IfNoneMatch' },
        ],
        responses: {
          200: {
            description: 'The file.',
            headers: { ...cacheableHeaders(), 'Cache-Control': OSSERVATORIO_CACHE_CONTROL, 'Link': LICENSE_LINK_HEADER, 'Content-Disposition': { description: '`attachment; filename="osservatorio-….csv"` (or `.json`).', schema: { type: 'string' } } },
            content: {
              'text/csv': { schema: { type: 'string' }, example: `dimension,key,label,count\r\nlicense,${OSSERVATORIO_LICENSE.url},CC BY 4.0 — ${OSSERVATORIO_LICENSE.attribution},\r\n` },
              ...json(ref('OsservatorioResponse')),
            },
          },
          304: OSSERVATORIO_NOT_MODIFIED,
          400: READ_BAD_REQUEST,
          401: responseRef('Unauthorized'),
          404: { ...OSSERVATORIO_NOT_FOUND, description: 'No such format (only `csv` and `json`), or the company is not named for these filters (under the threshold, or never given).' },
          429: responseRef('TooManyReads'),
        },
      },
    },
  };
}
