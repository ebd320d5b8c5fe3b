import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestStrapi } from './helpers/strapi';
import { interpreterSkipReason, runPartnerExample } from './helpers/partner-example';

/**
 * The PHP example of the partner guide (docs/examples/php/chiudete-api.php:
 * plain PHP, what a WordPress plugin needs) against the real CMS: token,
 * every page, a 304 from the ETag, 429 waited out by Retry-After, the error
 * envelope, a webhook verified (any v1, two secrets, false for a bad header),
 * and the latest testimonies as HTML with their attribution.
 */

const ARTICLE = 'api::article.article';
const TESTIMONY = 'api::testimony.testimony';

const HARNESS = String.raw`
require getenv('EXAMPLES') . '/php/chiudete-api.php';
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

const skip = interpreterSkipReason('php', 'REQUIRE_PHP', 'docs/examples/php (Debian: apt-get install php-cli)');

describe.skipIf(skip)('the partner guide\'s PHP example', () => {
  let cms: TestStrapi;
  let outcome: Outcome;

  beforeAll(async () => {
    ({ cms, outcome } = await runPartnerExample<Outcome>('php', ['-r', HARNESS]));
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
