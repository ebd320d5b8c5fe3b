import { createSqliteDatabase } from './helpers/database';
import { searchSuite } from './helpers/search-suite';

searchSuite('SQLite', async () => createSqliteDatabase());
