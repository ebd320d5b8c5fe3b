import type { Core, Modules } from '@strapi/strapi';
import type { ContactMessageService } from '../src/api/contact-message/services/contact-message';
import type { SubmissionService } from '../src/api/testimony-submission/services/submission';
import type { SubscriptionService } from '../src/api/newsletter-subscriber/services/subscription';
import { runPublishingSchedule } from '../src/scheduling/run-schedule';
import { partnerWebhooks } from '../src/api/partner-webhook/lib';
import { exclusiveTask } from '../src/jobs';
import { readCadence } from '../src/jobs/cadence';
import { runWeeklyDigest, sendQueuedNewsletters } from '../src/api/newsletter-issue/lib';

/**
 * Scheduled jobs (config/server.ts `cron.tasks`; CRON_ENABLED=false turns
 * them all off, and so does CMS_ROLE=web). Times are Italian local time.
 * Every task is an `exclusiveTask`: with several instances, each tick runs
 * on the one instance holding the task's lease (Redis, else PostgreSQL;
 * src/jobs). The publishing schedule and the outbox poller tick at the
 * cadence of src/jobs/cadence.ts.
 */
export default function cronTasks({ env }: Pick<Core.Config.Shared.ConfigParams, 'env'>): Modules.Cron.CronTasks {
  const publishing = readCadence(env, 'PUBLISHING_SCHEDULE_SECONDS', 60);
  const webhookRetries = readCadence(env, 'PARTNER_WEBHOOKS_RETRY_SECONDS', 10);
  const newsletterSends = readCadence(env, 'NEWSLETTER_SEND_SECONDS', 10);
  return {
    /**
     * The newsletter's sending worker (src/api/newsletter-issue/lib/worker.ts):
     * lists the recipients of the issues «In invio» and sends at
     * NEWSLETTER_SEND_RATE_PER_MINUTE. A run lasts until nothing is due; the
     * ticks meanwhile find the lease taken and skip, and after a crash the
     * next tick on any instance resumes where it stopped.
     */
    sendNewsletters: {
      task: exclusiveTask('sendNewsletters', async ({ strapi }) => {
        await sendQueuedNewsletters(strapi);
      }, newsletterSends.periodMs),
      options: { rule: newsletterSends.rule, tz: 'Europe/Rome' },
    },
    /** The weekly digest, when the redazione switched it on: Mondays at 8:00 (src/api/newsletter-issue/lib/digest.ts). */
    sendWeeklyNewsletterDigest: {
      task: exclusiveTask('sendWeeklyNewsletterDigest', async ({ strapi }) => {
        const outcome = await runWeeklyDigest(strapi, new Date());
        if (outcome.created) strapi.log.info(`[newsletter] weekly digest ${outcome.documentId} queued: ${outcome.articles} article(s), ${outcome.testimonies} testimonies`);
      }),
      options: { rule: '0 0 8 * * 1', tz: 'Europe/Rome' },
    },
    /**
     * Rejected and withdrawn submissions lose their personal data after
     * SUBMISSION_RETENTION_DAYS; contact messages after CONTACT_MESSAGE_RETENTION_DAYS.
     */
    eraseExpiredSubmissionData: {
      task: exclusiveTask('eraseExpiredSubmissionData', async ({ strapi }) => {
        const now = new Date();
        const service = strapi.service('api::testimony-submission.submission') as SubmissionService;
        const erased = await service.eraseExpiredPersonalData(now);
        if (erased > 0) strapi.log.info(`[submissions] erased the personal data of ${erased} expired submission(s)`);
        const messages = strapi.service('api::contact-message.contact-message') as ContactMessageService;
        const erasedMessages = await messages.eraseExpiredPersonalData(now);
        if (erasedMessages > 0) strapi.log.info(`[contact] erased the personal data of ${erasedMessages} expired contact message(s)`);
      }),
      options: { rule: '0 30 3 * * *', tz: 'Europe/Rome' },
    },
    /** The newsletter's double opt-in: an address not confirmed within 7 days of its last request is erased. Hourly. */
    eraseUnconfirmedNewsletterSubscribers: {
      task: exclusiveTask('eraseUnconfirmedNewsletterSubscribers', async ({ strapi }) => {
        const service = strapi.service('api::newsletter-subscriber.subscription') as SubscriptionService;
        const erased = await service.eraseUnconfirmed(new Date());
        if (erased > 0) strapi.log.info(`[newsletter] erased ${erased} address(es) never confirmed`);
      }),
      options: { rule: '0 20 * * * *', tz: 'Europe/Rome' },
    },
    /** «Pubblica il» / «Ritira il»: publishes and unpublishes the scheduled entries, within a minute of their time. */
    runPublishingSchedule: {
      task: exclusiveTask('runPublishingSchedule', async ({ strapi }) => {
        await runPublishingSchedule(strapi, new Date());
      }, publishing.periodMs),
      options: { rule: publishing.rule, tz: 'Europe/Rome' },
    },
    /**
     * Partner webhooks, the outbox's poller: sends the deliveries committed but
     * never attempted (their instance died after the commit) and again those
     * whose backoff is over (30 s, 2 min, 10 min, 1 h, 6 h).
     */
    retryPartnerWebhooks: {
      task: exclusiveTask('retryPartnerWebhooks', async ({ strapi }) => {
        await partnerWebhooks(strapi).retryDueDeliveries(new Date());
      }, webhookRetries.periodMs),
      options: { rule: webhookRetries.rule, tz: 'Europe/Rome' },
    },
    /** Partner webhooks: the delivery log keeps delivered and failed rows for PARTNER_WEBHOOKS_RETENTION_DAYS. */
    purgePartnerWebhookDeliveries: {
      task: exclusiveTask('purgePartnerWebhookDeliveries', async ({ strapi }) => {
        await partnerWebhooks(strapi).purgeOldDeliveries(new Date());
      }),
      options: { rule: '0 45 3 * * *', tz: 'Europe/Rome' },
    },
  };
}
