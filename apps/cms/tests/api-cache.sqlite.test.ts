import { createSqliteDatabase } from './helpers/database';
import { apiCacheSuite } from './helpers/api-cache-suite';

apiCacheSuite('SQLite', async () => createSqliteDatabase());
