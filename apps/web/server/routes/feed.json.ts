import { renderJsonFeed } from '../utils/feeds/feed';
import { getFeedData, sendFeed } from '../utils/feeds/runtime';

/** JSON Feed 1.1: the same entries as /feed.xml. */
export default defineEventHandler(async (event) => {
  const { channel, entries } = await getFeedData(event);
  return sendFeed(event, JSON.stringify(renderJsonFeed(channel, entries)), 'application/feed+json; charset=utf-8', entries);
});
