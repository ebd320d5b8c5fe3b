import type { Modules } from '@strapi/strapi';
import type { SubmissionService } from '../src/api/testimony-submission/services/submission';
import { runPublishingSchedule } from '../src/scheduling/run-schedule';

/**
 * Scheduled jobs (config/server.ts `cron.tasks`; CRON_ENABLED=false turns
 * them all off). Times are Italian local time.
 */
const tasks: Modules.Cron.CronTasks = {
  /** Rejected and withdrawn submissions lose their personal data after SUBMISSION_RETENTION_DAYS. */
  eraseExpiredSubmissionData: {
    task: async ({ strapi }) => {
      const service = strapi.service('api::testimony-submission.submission') as SubmissionService;
      const erased = await service.eraseExpiredPersonalData(new Date());
      if (erased > 0) strapi.log.info(`[submissions] erased the personal data of ${erased} expired submission(s)`);
    },
    options: { rule: '0 30 3 * * *', tz: 'Europe/Rome' },
  },
  /** «Pubblica il» / «Ritira il»: publishes and unpublishes the scheduled entries, within a minute of their time. */
  runPublishingSchedule: {
    task: async ({ strapi }) => {
      await runPublishingSchedule(strapi, new Date());
    },
    options: { rule: '* * * * *', tz: 'Europe/Rome' },
  },
};

export default tasks;
