import type { Core } from '@strapi/strapi';
import { runNewsletterSends, type RunSummary, type WorkerControl } from './worker';

/**
 * The newsletter's sending side (issue #14): issues, the send log, the
 * worker, the weekly digest and the provider's events. docs/newsletter.md.
 */
export { ISSUE_UID, SEND_UID, SETTING_UID, loadIssue } from './content';
export { previewIssue, queueIssue, sendTestCopy, type QueueOutcome } from './actions';
export { runWeeklyDigest, type DigestOutcome } from './digest';
export { parseNewsletterEvent, recordNewsletterEvent } from './events';
export { issueTopics, wantsIssue } from './audience';
export { renderIssueEmail } from './render';
export { listRecipients, settleInterruptedSends, type RunSummary } from './worker';

interface Stopper {
  stopping: boolean;
  wake: Set<() => void>;
}
const stoppers = new WeakMap<Core.Strapi, Stopper>();

const stopperOf = (strapi: Core.Strapi): Stopper => {
  let stopper = stoppers.get(strapi);
  if (!stopper) {
    stopper = { stopping: false, wake: new Set() };
    stoppers.set(strapi, stopper);
  }
  return stopper;
};

/** One run of the sending worker (call it under the job's lease: config/cron-tasks.ts). */
export function sendQueuedNewsletters(strapi: Core.Strapi): Promise<RunSummary> {
  const stopper = stopperOf(strapi);
  const control: WorkerControl = {
    stopping: () => stopper.stopping,
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          stopper.wake.delete(done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        stopper.wake.add(done);
      }),
  };
  return runNewsletterSends(strapi, control);
}

/** Strapi is stopping: the worker stops after the e-mail in hand (call from destroy()). */
export function stopNewsletterSends(strapi: Core.Strapi): void {
  const stopper = stopperOf(strapi);
  stopper.stopping = true;
  for (const wake of [...stopper.wake]) wake();
}
