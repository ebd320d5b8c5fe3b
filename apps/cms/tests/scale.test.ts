import { createSqliteDatabase } from './helpers/database';
import { scaleSuite } from './helpers/scale-suite';

scaleSuite('SQLite', async () => createSqliteDatabase());
