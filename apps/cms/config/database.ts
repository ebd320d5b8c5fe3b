import path from 'path';
import type { Core } from '@strapi/strapi';

/**
 * SQLite by default (a file under `apps/cms/.tmp/`), PostgreSQL in production:
 * `DATABASE_CLIENT=postgres` with `DATABASE_URL` (or the discrete variables).
 * No built-in password: without DATABASE_PASSWORD (or one in DATABASE_URL)
 * the CMS sends an empty one, which only a server set up for it accepts
 * (trust or peer authentication), never a well-known `strapi`.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const client = env('DATABASE_CLIENT', 'sqlite');
  const appRoot = path.join(__dirname, '..', '..');

  if (client === 'sqlite') {
    return {
      connection: {
        client: 'sqlite',
        connection: { filename: path.resolve(appRoot, env('DATABASE_FILENAME', '.tmp/data.db')) },
        useNullAsDefault: true,
      },
    };
  }

  if (client !== 'postgres') {
    throw new Error(`Unsupported DATABASE_CLIENT "${client}": use "sqlite" or "postgres".`);
  }

  return {
    connection: {
      client: 'postgres',
      connection: {
        // A URL, when given, takes precedence over the discrete settings.
        connectionString: env('DATABASE_URL', '') || undefined,
        host: env('DATABASE_HOST', '127.0.0.1'),
        port: env.int('DATABASE_PORT', 5432),
        database: env('DATABASE_NAME', 'strapi'),
        user: env('DATABASE_USERNAME', 'strapi'),
        // No default (it used to be `strapi`): unset, an empty password, which only trust/peer auth accepts.
        password: env('DATABASE_PASSWORD', ''),
        ssl: env.bool('DATABASE_SSL', false),
        schema: env('DATABASE_SCHEMA', 'public'),
      },
      pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
    },
  };
};

export default config;
