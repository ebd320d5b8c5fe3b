import { renderRss } from '../utils/feeds/feed';
import { getFeedData, sendFeed } from '../utils/feeds/runtime';

/** RSS 2.0: the newest articles and "Risposte precise". */
export default defineEventHandler(async (event) => {
  const { channel, entries } = await getFeedData(event);
  return sendFeed(event, renderRss(channel, entries), 'application/rss+xml; charset=utf-8', entries);
});
