// A partner's first script, as docs/partners.md and the client's README tell
// it: run from a project of its own that installed the packed client. It reads
// every collection and the site settings, syncs articles from the start, and
// verifies a signed delivery; prints one JSON line for the test to check.
import { createStrapiClient, isStrapiError } from '@chiudete/types';
import { verifyWebhookSignature } from '@chiudete/types/webhooks';

const { CMS_URL, CMS_TOKEN, DELIVERY_BODY, DELIVERY_HEADER, WEBHOOK_SECRET } = process.env;
const api = createStrapiClient({ baseURL: CMS_URL, token: CMS_TOKEN });

const counts = {};
for (const name of ['articles', 'testimonies', 'answers', 'videos', 'books', 'authors', 'categories']) {
  counts[name] = (await api[name].listAll()).length;
}
const global = await api.global.get();

const synced = [];
const changes = api.articles.since('2000-01-01T00:00:00Z');
for await (const article of changes) synced.push(article.slug);

let missing;
try {
  await api.articles.get('non-esiste');
} catch (error) {
  missing = isStrapiError(error) ? error.status : 'not a StrapiError';
}

const verified = verifyWebhookSignature({ payload: DELIVERY_BODY, header: DELIVERY_HEADER, secret: WEBHOOK_SECRET });
const forged = verifyWebhookSignature({ payload: `${DELIVERY_BODY} `, header: DELIVERY_HEADER, secret: WEBHOOK_SECRET });

console.log(JSON.stringify({ counts, siteName: global.siteName, synced, cursor: changes.cursor, missing, verified, forged }));
