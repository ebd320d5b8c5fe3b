import { execFile, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhookPayload } from '@chiudete/types/webhooks';
import { startTestStrapi, type TestStrapi } from './helpers/strapi';
import { createReadOnlyToken } from './helpers/webhook-receiver';

/**
 * The PHP example of the partner guide (docs/examples/php/chiudete-api.php:
 * plain PHP, what a WordPress plugin needs) against the real CMS: token,
 * every page, a 304 from the ETag, 429 waited out by Retry-After, the error
 * envelope, a webhook verified (any v1, two secrets, false for a bad header),
 * and the latest testimonies as HTML with their attribution.
 */

const example = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'examples', 'php', 'chiudete-api.php');
const ARTICLE = 'api::article.article';
const TESTIMONY = 'api::testimony.testimony';

function phpSkipReason(): string | undefined {
  const probe = spawnSync('php', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0) return undefined;
  const problem = probe.error?.message ?? probe.stderr;
  if (process.env.REQUIRE_PHP === '1') throw new Error(`REQUIRE_PHP=1 but php does not run (${problem}): the PHP example's tests cannot be skipped.`);
  const reason = `php does not run (${problem}): SKIPPING the tests of docs/examples/php (Debian: apt-get install php-cli).`;
  console.warn(`\n${'!'.repeat(reason.length)}\n${reason}\n${'!'.repeat(reason.length)}\n`);
  return reason;
}

const HARNESS = String.raw`
require getenv('EXAMPLE');
$api = new ChiudeteApi(getenv('CMS'), getenv('TOKEN'));
$out = [];
$out['pages'] = array_map(function ($a) { return $a['slug']; }, $api->all('articles', ['fields' => ['slug'], 'populate' => ''], 3));
$first = $api->get('articles', ['fields' => ['slug']]);
$again = $api->get('articles', ['fields' => ['slug']]);
$out['same_after_304'] = $first === $again;
$out['not_modified'] = $api->stats['not_modified'];
$out['errors'] = [];
foreach ([['articles/non-esiste', []], ['articles', ['sort' => 'nope:asc']]] as [$path, $query]) {
  try { $api->get($path, $query); } catch (ChiudeteApiError $error) { $out['errors'][] = [$error->getCode(), $error->error['name'] ?? null]; }
}
$anonymous = new ChiudeteApi(getenv('CMS'));
for ($i = 0; $i < 6; $i++) $anonymous->get('categories', ['fields' => ['slug']]);
$out['anonymous_waits'] = $anonymous->stats['waited_retry_after'];
$body = getenv('BODY');
$out['webhook'] = [
  chiudete_verify_webhook($body, getenv('HEADER'), getenv('SECRET')),
  chiudete_verify_webhook($body, getenv('HEADER'), ['whsec_old_one', getenv('SECRET')]),
  chiudete_verify_webhook($body . ' ', getenv('HEADER'), getenv('SECRET')),
  chiudete_verify_webhook($body, 'garbage', getenv('SECRET')),
  chiudete_verify_webhook($body, null, getenv('SECRET')),
];
$out['html'] = chiudete_latest_testimonies_html($api, 3);
echo json_encode($out);
`;

interface Outcome {
  pages: string[];
  same_after_304: boolean;
  not_modified: number;
  errors: Array<[number, string]>;
  anonymous_waits: number;
  webhook: boolean[];
  html: string;
}

const skip = phpSkipReason();

describe.skipIf(skip)('the partner guide\'s PHP example', () => {
  let cms: TestStrapi;
  let outcome: Outcome;

  beforeAll(async () => {
    // Anonymous reads: 3 per 2-second window, so that the example meets a 429 and waits it out.
    cms = await startTestStrapi('sqlite', { CRON_ENABLED: 'false', RATE_LIMIT_READS_ANONYMOUS: '3', RATE_LIMIT_READS_WINDOW_SECONDS: '2' });
    const token = await createReadOnlyToken(cms.strapi, 'PHP partner');
    const body = JSON.stringify({ type: 'content.published', data: { documentId: 'x' } });
    const secret = 'whsec_php_partner_0123456789abcdef';
    // Asynchronously: the CMS answers from this process's event loop.
    const { stdout } = await promisify(execFile)('php', ['-r', HARNESS], {
      env: { PATH: process.env.PATH, EXAMPLE: example, CMS: cms.url, TOKEN: token, BODY: body, HEADER: signWebhookPayload({ payload: body, secret }), SECRET: secret },
      timeout: 60_000,
    });
    outcome = JSON.parse(stdout) as Outcome;
  }, 120_000);

  afterAll(async () => {
    await cms?.stop();
  });

  it('reads every page of a list', async () => {
    const published = (await cms.strapi.documents(ARTICLE).findMany({ status: 'published', fields: ['slug'] })) as Array<{ slug: string }>;
    expect([...outcome.pages].sort()).toEqual(published.map((a) => a.slug).sort());
  });

  it('gets a 304 for an unchanged list and answers from its copy; waits out a 429', () => {
    expect([outcome.not_modified, outcome.same_after_304]).toEqual([1, true]);
    expect(outcome.anonymous_waits).toBeGreaterThanOrEqual(1);
  });

  it('reads the error envelope', () => {
    expect(outcome.errors).toEqual([[404, 'NotFoundError'], [400, 'ValidationError']]);
  });

  it('verifies a delivery: one secret or two, false for a changed body or a bad header', () => {
    expect(outcome.webhook).toEqual([true, true, false, false, false]);
  });

  it('shows the latest testimonies with their source, links and names, escaped', async () => {
    const latest = (await cms.strapi.documents(TESTIMONY).findMany({ status: 'published', sort: { publishedAt: 'desc' }, limit: 3, fields: ['title', 'slug', 'displayName'] } as never)) as Array<{ title: string; slug: string; displayName: string }>;
    expect(latest).toHaveLength(3);
    for (const testimony of latest) {
      expect(outcome.html).toContain(`href="https://chiudeteicallcenter.eu/testimonianze/${encodeURIComponent(testimony.slug)}"`);
      expect(outcome.html).toContain(testimony.displayName.replace(/&/g, '&amp;').replace(/'/g, '&apos;'));
    }
    expect(outcome.html).toContain('Fonte: <a href="https://chiudeteicallcenter.eu">«Chiudete i Call Center»</a>');
    expect(outcome.html).not.toMatch(/<script/i);
  });
});
