import { createSqliteDatabase } from './helpers/database';
import { osservatorioSuite } from './helpers/osservatorio-suite';

osservatorioSuite('SQLite', async () => createSqliteDatabase());
