import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestStrapi } from './helpers/strapi';
import { interpreterSkipReason, runPartnerExample } from './helpers/partner-example';

/**
 * The Python example of the partner guide (docs/examples/python/chiudete_api.py,
 * standard library only) against the real CMS: token, every page, a 304 from
 * the ETag, 429 waited out by Retry-After, keyset sync, the error envelope,
 * and a webhook verified with docs/examples/webhooks/verify.py.
 */

const ARTICLE = 'api::article.article';

const HARNESS = String.raw`
import json, os, sys
sys.path[0:0] = [os.path.join(os.environ["EXAMPLES"], "python"), os.path.join(os.environ["EXAMPLES"], "webhooks")]
from chiudete_api import ApiError, ChiudeteApi
from verify import verify

origin, token = os.environ["CMS"], os.environ["TOKEN"]
out = {}
api = ChiudeteApi(origin, token)
out["pages"] = [a["slug"] for a in api.pages("articles", [("fields[0]", "slug"), ("populate", "")], page_size=3)]
first = api.get("articles", [("fields[0]", "slug")])
again = api.get("articles", [("fields[0]", "slug")])
out["same_after_304"] = first == again
out["not_modified"] = api.stats["not_modified"]
synced = list(api.since("articles", "publishedAt", page_size=4))
out["synced"] = [a["slug"] for a in synced]
last_two = synced[-2]
out["after_cursor"] = [a["slug"] for a in api.since("articles", "publishedAt", (last_two["publishedAt"], last_two["documentId"]))]
out["after_string_cursor"] = [a["slug"] for a in api.since("articles", "publishedAt", api.cursor_of(last_two, "publishedAt"))]
out["after_time"] = [a["slug"] for a in api.since("articles", "publishedAt", last_two["publishedAt"])]
for path, params in (("articles/non-esiste", None), ("articles", [("sort", "nope:asc")])):
    try:
        api.get(path, params)
    except ApiError as error:
        out.setdefault("errors", []).append([error.status, error.error.get("name")])
anonymous = ChiudeteApi(origin)
for _ in range(6):
    anonymous.get("categories", [("fields[0]", "slug")])
out["anonymous_waits"] = anonymous.stats["waited_retry_after"]
out["webhook"] = [verify(os.environ["BODY"], os.environ["HEADER"], os.environ["SECRET"]), verify(os.environ["BODY"] + " ", os.environ["HEADER"], os.environ["SECRET"])]
print(json.dumps(out))
`;

interface Outcome {
  pages: string[];
  same_after_304: boolean;
  not_modified: number;
  synced: string[];
  after_cursor: string[];
  after_string_cursor: string[];
  after_time: string[];
  errors: Array<[number, string]>;
  anonymous_waits: number;
  webhook: [boolean, boolean];
}

const skip = interpreterSkipReason('python3', 'REQUIRE_PYTHON', 'docs/examples/python');

describe.skipIf(skip)('the partner guide\'s Python example', () => {
  let cms: TestStrapi;
  let outcome: Outcome;

  beforeAll(async () => {
    ({ cms, outcome } = await runPartnerExample<Outcome>('python3', ['-c', HARNESS]));
  }, 120_000);

  afterAll(async () => {
    await cms?.stop();
  });

  it('reads every page and syncs by publishedAt with a keyset cursor, as the guide says', async () => {
    const published = (await cms.strapi.documents(ARTICLE).findMany({ status: 'published', fields: ['slug', 'publishedAt'], sort: [{ publishedAt: 'asc' }, { documentId: 'asc' }] } as never)) as Array<{ slug: string; publishedAt: string | Date }>;
    expect([...outcome.pages].sort()).toEqual(published.map((a) => a.slug).sort());
    expect(outcome.synced).toEqual(published.map((a) => a.slug));
    expect(outcome.after_cursor).toEqual([published.at(-1)!.slug]);
    // The typed client's string cursor resumes the same; a time alone, strictly after it.
    expect(outcome.after_string_cursor).toEqual([published.at(-1)!.slug]);
    const time = (a: { publishedAt: string | Date }) => new Date(a.publishedAt).getTime();
    expect(outcome.after_time).toEqual(published.filter((a) => time(a) > time(published.at(-2)!)).map((a) => a.slug));
  });

  it('gets a 304 for an unchanged list and answers from its copy', () => {
    expect([outcome.not_modified, outcome.same_after_304]).toEqual([1, true]);
  });

  it('waits out a 429 by its Retry-After and gets every answer', () => {
    expect(outcome.anonymous_waits).toBeGreaterThanOrEqual(1);
  });

  it('reads the error envelope, and verifies a signed delivery', () => {
    expect(outcome.errors).toEqual([[404, 'NotFoundError'], [400, 'ValidationError']]);
    expect(outcome.webhook).toEqual([true, false]);
  });
});
