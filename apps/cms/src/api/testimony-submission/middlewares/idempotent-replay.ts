import { idempotentReplay } from '../../../idempotency/replay-middleware';
import type { SubmissionService } from '../services/submission';

/** The testimony form's replay of a retried submission (src/idempotency/replay-middleware.ts). */
export default idempotentReplay((strapi) => strapi.service('api::testimony-submission.submission') as SubmissionService);
