import { PAGE_CACHE_STORAGE } from './config';
import type { KeyValueStore } from './store';

/** The page cache's storage (mounted by server/plugins/page-cache.ts). */
export function pageCacheStore(): KeyValueStore {
  return useStorage(PAGE_CACHE_STORAGE);
}
