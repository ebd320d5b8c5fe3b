import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ApiDeprecation } from '../../../deprecations';
import { markDeprecations } from '../../../deprecations/openapi';

type Context = Parameters<Core.ControllerHandler>[0];

/** Where scripts/openapi.ts writes the contract, relative to the app root. */
export const OPENAPI_DOCUMENT_PATH = path.join('openapi', 'content-api.json');

interface Server {
  url: string;
  description?: string;
}

const controller = ({ strapi }: { strapi: Core.Strapi }) => {
  let document: Promise<Record<string, unknown>> | undefined;

  /**
   * The committed document, read once; with `PUBLIC_URL` set, this CMS's
   * absolute API URL as the first server; the retirements of
   * config/deprecations.ts marked (`deprecated`, `x-sunset`: src/deprecations/openapi.ts).
   */
  async function load(): Promise<Record<string, unknown>> {
    const file = path.join(strapi.dirs.app.root, OPENAPI_DOCUMENT_PATH);
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
    const publicUrl = strapi.config.get<string>('server.url', '').replace(/\/+$/, '');
    if (/^https?:\/\//.test(publicUrl)) {
      const servers = (parsed.servers as Server[] | undefined) ?? [];
      parsed.servers = [{ url: `${publicUrl}${prefix}`, description: 'This CMS' }, ...servers];
    }
    const { document: marked, unmatched } = markDeprecations(parsed, strapi.config.get<ApiDeprecation[]>('deprecations', []), prefix);
    for (const entry of unmatched) {
      strapi.log.warn(`[openapi] config/deprecations.ts: ${entry.path}${entry.field ? ` (${entry.field})` : ''} matches no operation${entry.field ? ' nor field' : ''} of the OpenAPI document.`);
    }
    return marked;
  }

  return {
    /** GET /api/openapi.json → the OpenAPI document (JSON). */
    async document(ctx: Context) {
      document ??= load().catch((error: unknown) => {
        document = undefined;
        strapi.log.error(`[openapi] cannot read ${OPENAPI_DOCUMENT_PATH}: ${error instanceof Error ? error.message : String(error)}`);
        throw new errors.ApplicationError('The OpenAPI document is missing on this server: run `pnpm --filter @chiudete/cms openapi:generate` and deploy apps/cms/openapi/.');
      });
      ctx.body = await document;
    },
  } satisfies Core.Controller;
};

export default controller;
