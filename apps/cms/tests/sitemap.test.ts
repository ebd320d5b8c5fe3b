import { createSqliteDatabase } from './helpers/database';
import { sitemapSuite } from './helpers/sitemap-suite';

sitemapSuite('SQLite', async () => createSqliteDatabase());
