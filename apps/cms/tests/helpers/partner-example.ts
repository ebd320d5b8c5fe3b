import { execFile, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { signWebhookPayload } from '@chiudete/types/webhooks';
import { startTestStrapi, type TestStrapi } from './strapi';
import { createReadOnlyToken } from './webhook-receiver';

/** docs/examples: the partners' examples in other languages. */
export const EXAMPLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'docs', 'examples');

/**
 * Why the tests of an example in another language are skipped (its
 * interpreter does not run), or undefined. Loud; an error when
 * `requireVariable` is 1 (CI), as with the other REQUIRE_* variables.
 */
export function interpreterSkipReason(command: string, requireVariable: string, example: string): string | undefined {
  const probe = spawnSync(command, ['--version'], { encoding: 'utf8' });
  if (probe.status === 0) return undefined;
  const problem = probe.error?.message ?? probe.stderr;
  if (process.env[requireVariable] === '1') throw new Error(`${requireVariable}=1 but ${command} does not run (${problem}): the tests of ${example} cannot be skipped.`);
  const reason = `${command} does not run (${problem}): SKIPPING the tests of ${example}.`;
  console.warn(`\n${'!'.repeat(reason.length)}\n${reason}\n${'!'.repeat(reason.length)}\n`);
  return reason;
}

/**
 * Runs a partner example's harness against a real CMS with the demo content:
 * anonymous reads at 3 per 2-second window (so that the example meets a 429
 * and waits it out), a read-only token, and a signed delivery to verify. The
 * harness reads CMS, TOKEN, EXAMPLES, BODY, HEADER and SECRET from its
 * environment and prints one JSON object.
 */
export async function runPartnerExample<T>(command: string, args: string[]): Promise<{ cms: TestStrapi; outcome: T }> {
  const cms = await startTestStrapi('sqlite', { CRON_ENABLED: 'false', RATE_LIMIT_READS_ANONYMOUS: '3', RATE_LIMIT_READS_WINDOW_SECONDS: '2' });
  try {
    const token = await createReadOnlyToken(cms.strapi, `${command} partner`);
    const body = JSON.stringify({ type: 'content.published', data: { documentId: 'x' } });
    const secret = 'whsec_example_partner_0123456789abcdef';
    // Asynchronously: the CMS answers from this process's event loop.
    const { stdout } = await promisify(execFile)(command, args, {
      env: { ...process.env, CMS: cms.url, TOKEN: token, EXAMPLES: EXAMPLES_DIR, BODY: body, HEADER: signWebhookPayload({ payload: body, secret }), SECRET: secret },
      timeout: 60_000,
    });
    return { cms, outcome: JSON.parse(stdout) as T };
  } catch (error) {
    await cms.stop();
    throw error;
  }
}
