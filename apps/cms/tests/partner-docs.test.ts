import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_TYPE_REGISTRY, PUBLIC_CONTENT_TYPES, hasEntryPages, publicContentType, sitePath, uidOf } from '@chiudete/types';
import { signWebhookPayload, type WebhookEvent } from '@chiudete/types/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeBlocks, shellCommands, type CodeBlock, type ShellCommand } from './helpers/doc-blocks';
import { expectDocumentedHttp, expectDocumentedJson } from './helpers/doc-answers';
import { templateOf, validateAnswer } from './helpers/openapi-contract';
import { runShellCommands, type CommandRun, type CurlCall } from './helpers/shell-run';
import {
  createSnippetWorkspace, isExampleFile, runPhpSnippet, runPythonSnippet, runTsSnippet, typecheckSnippets, writeTsSnippet,
  type SnippetRun, type SnippetWorkspace,
} from './helpers/snippet-run';
import { interpreterSkipReason } from './helpers/partner-example';
import { DELIVERY_UID, WEBHOOK_UID } from '../src/api/partner-webhook/lib';
import { searchIndexIdle } from '../src/api/search/lib';
import { appDir, startTestStrapi, type TestStrapi } from './helpers/strapi';
import { createReadOnlyToken } from './helpers/webhook-receiver';

/**
 * The partners' documentation (docs/partners.md and the typed client's
 * README) followed literally, as a partner's developer would.
 *
 * docs/partners.md: every
 * shell example runs in bash with the real curl against the CMS with the
 * demo content (`$CMS`, `$TOKEN` a read-only token), and what the guide
 * says it answers is checked:
 * - output shown under a command (`# …` lines), or in the block right after
 *   its example, is what it prints: an HTTP answer (`curl -i`) or JSON
 *   equal but for ids and times, or text; output with `…` is an
 *   illustration, and the command must then succeed;
 * - a command shown without output must answer 200, and a list must not be
 *   empty (an example that finds nothing teaches nothing);
 * - every answer of the API matches the OpenAPI document.
 * The test CMS allows 3 anonymous reads a minute, as the guide's 429
 * example says; each example reads from an address of its own.
 *
 * Code snippets (TypeScript in both documents, Python and PHP in the
 * guide): each is typechecked (strict) and run as pasted against the same
 * CMS, with the reader's own functions it leans on (`upsert`,
 * `loadCursor`…) defined around it (tests/helpers/snippet-run.ts), and what
 * it did is checked. A snippet that is a whole file of docs/examples is
 * tested with that file.
 */

const ARTICLE_UID = uidOf('article');
const GUIDE = path.resolve(appDir, '..', '..', 'docs', 'partners.md');
const CLIENT_README = path.resolve(appDir, '..', '..', 'packages', 'types', 'README.md');
const blocks = codeBlocks(GUIDE);
const shellExamples = blocks.filter((block) => block.lang === 'sh' && /\bcurl\b/.test(block.code));
const tsSnippets = [
  ...blocks.map((block) => ({ document: 'docs/partners.md', block })),
  ...codeBlocks(CLIENT_README).map((block) => ({ document: 'packages/types/README.md', block })),
].filter(({ block }) => block.lang === 'ts' && !isExampleFile(block.code));
const pythonSnippets = blocks.filter((block) => block.lang === 'python' && !isExampleFile(block.code));
const phpSnippets = blocks.filter((block) => block.lang === 'php' && !isExampleFile(block.code));
const snippetName = (document: string, block: CodeBlock) => `${document} line ${block.line} (${block.heading})`;

/** The documented output of each command: its own comment lines, or the block after the example (one JSON line per command, or the whole for the last). */
function documentedOutputs(block: CodeBlock, commands: ShellCommand[]): string[] {
  const outputs = commands.map((command) => command.output);
  const answer = block.next && block.next.lang !== 'sh' ? block.next.code.trim() : '';
  if (!answer) return outputs;
  const lines = answer.split('\n');
  const oneJsonPerLine = lines.length === commands.length && lines.every((line) => line.startsWith('{'));
  if (oneJsonPerLine) return outputs.map((output, i) => output || lines[i]!);
  outputs[outputs.length - 1] = answer;
  return outputs;
}

const parseJson = (text: string | undefined): unknown => {
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
};

function expectMatchesContract(call: CurlCall, where: string): void {
  const template = templateOf(call.url.pathname);
  expect(template, `${where}: ${call.url.pathname} is not an operation of the OpenAPI document`).toBeDefined();
  if (call.body === undefined) return;
  // A method the path does not answer (405) is declared on the path's GET.
  const method = call.status === 405 ? 'get' : call.method.toLowerCase();
  const selection = [...call.url.searchParams.keys()].some((key) => /^(fields|populate)\b/.test(key));
  validateAnswer({ method, template: template!, status: call.status, headers: call.headers, text: call.body, selection, where });
}

function expectDocumented(run: CommandRun, documented: string, where: string): void {
  const last = run.calls.at(-1);
  const json = parseJson(documented) as { error?: { status?: number } } | undefined;
  if (documented.startsWith('HTTP/')) {
    expect(last, where).toBeDefined();
    expectDocumentedHttp(last!, documented, where);
  } else if (json !== undefined) {
    expect(last, where).toBeDefined();
    expectDocumentedJson(parseJson(last!.body), json, where);
    expect(last!.status, where).toBe(json.error?.status ?? 200);
  } else if (documented.includes('…')) {
    // An illustration (counts and slugs of a bigger site): the command must work.
    for (const call of run.calls) expect(call.status, `${where}: ${call.url.href}`).toBe(200);
  } else {
    expect(run.stdout.trim(), where).toBe(documented.trim());
  }
}

function expectWorked(run: CommandRun, where: string): void {
  for (const call of run.calls) {
    expect(call.status, `${where}: ${call.url.href}: ${call.body?.slice(0, 300)}`).toBe(200);
    const data = (parseJson(call.body) as { data?: unknown } | undefined)?.data;
    if (Array.isArray(data)) expect(data.length, `${where}: ${call.url.href} found nothing`).toBeGreaterThan(0);
  }
}

describe('the partners\' documentation, followed literally', () => {
  let cms: TestStrapi;
  let token: string;
  let addresses = 0;

  beforeAll(async () => {
    cms = await startTestStrapi('sqlite', { CRON_ENABLED: 'false', IS_PROXIED: 'true', RATE_LIMIT_READS_ANONYMOUS: '3', RATE_LIMIT_READS_WINDOW_SECONDS: '60' });
    token = await createReadOnlyToken(cms.strapi, 'Partner guide');
    // The search index is built in the background at the first boot: its answers say `indexing` until then.
    await searchIndexIdle(cms.strapi);
    await failedDeliveryOfLinkedWebhook();
  });

  afterAll(async () => {
    await cms?.stop();
  });

  /**
   * What the delivery log's example reads: an endpoint linked to the
   * guide's token, and a delivery as the job leaves it after six attempts
   * answered 500 (written directly: no partner's server is reachable here).
   */
  async function failedDeliveryOfLinkedWebhook(): Promise<void> {
    const article = (await cms.strapi.db.query(ARTICLE_UID).findOne({ where: { publishedAt: { $notNull: true } }, select: ['documentId', 'slug'] })) as { documentId: string; slug: string };
    const webhook = (await cms.strapi.db.query(WEBHOOK_UID).create({
      data: {
        documentId: 'linkedwebhookforpartners', name: 'Associazione Consumatori Esempio', url: 'https://partner.example.org/webhooks/chiudete',
        enabled: true, events: ['content.published', 'content.unpublished'], contentTypes: ['article'], secret: 'whsec_partner_docs_0123456789abcdef0123', apiToken: 'Partner guide',
      },
    })) as { id: number };
    const event = { id: 'evt_0123456789abcdef01234567', type: 'content.published', createdAt: new Date().toISOString(), data: { type: 'article', documentId: article.documentId, slug: article.slug, url: `https://chiudeteicallcenter.eu${sitePath('article', article.slug)}`, apiUrl: `${cms.url}/api/articles/${article.documentId}` } };
    await cms.strapi.db.query(DELIVERY_UID).create({
      data: {
        documentId: 'faileddeliveryforpartner', webhook: webhook.id, eventId: event.id, action: 'published', contentType: 'article', entryDocumentId: article.documentId,
        payload: event, deliveryStatus: 'failed', attempts: 6, lastHttpStatus: 500, lastError: 'HTTP 500: Internal Server Error', nextAttemptAt: null, deliveredAt: null,
      },
    });
  }

  const shellSkip = interpreterSkipReason('curl', 'REQUIRE_CURL', 'the shell examples of docs/partners.md')
    ?? interpreterSkipReason('jq', 'REQUIRE_CURL', 'the shell examples of docs/partners.md');
  describe.skipIf(shellSkip)('docs/partners.md: the shell examples', () => {
    it('has shell examples to run', () => {
      expect(shellExamples.length).toBeGreaterThan(5);
    });

    it.each(shellExamples.map((block) => [`${block.heading} (line ${block.line})`, block] as const))('%s', async (_name, block) => {
      const commands = shellCommands(block.code);
      const outputs = documentedOutputs(block, commands);
      const runs = await runShellCommands(commands, { CMS: cms.url, TOKEN: token, CLIENT_IP: `198.51.100.${++addresses}` });
      runs.forEach((run, i) => {
        const where = `docs/partners.md line ${block.line}: ${run.command}`;
        expect(run.exitCode, `${where}\n${run.stdout}\n${run.stderr}`).toBe(0);
        expect(run.calls.length, `${where}: made no request`).toBeGreaterThan(0);
        for (const call of run.calls) {
          expect(call.url.origin, where).toBe(cms.url);
          expectMatchesContract(call, where);
        }
        if (outputs[i]) expectDocumented(run, outputs[i]!, where);
        else expectWorked(run, where);
      });
    });
  });

  it('links only pages that exist: every site address of an entry in either document is a published entry', async () => {
    const text = [GUIDE, CLIENT_README].map((file) => readFileSync(file, 'utf8')).join('\n');
    const links = [...new Set(text.match(/chiudeteicallcenter\.eu\/[a-z]+\/[a-z0-9-]+/g) ?? [])].map((link) => link.slice('chiudeteicallcenter.eu'.length));
    const entryPages = PUBLIC_CONTENT_TYPES.filter(hasEntryPages).map((type) => ({ type, prefix: publicContentType(type).entry.replace('{slug}', '') }));
    const checked = links.filter((link) => entryPages.some(({ prefix }) => link.startsWith(prefix)));
    expect(checked.length).toBeGreaterThanOrEqual(2);
    for (const link of checked) {
      const { type, prefix } = entryPages.find((page) => link.startsWith(page.prefix))!;
      const slug = link.slice(prefix.length);
      const res = await fetch(`${cms.url}/api/${CONTENT_TYPE_REGISTRY[type].restPath}?filters[slug][$eq]=${encodeURIComponent(slug)}&fields[0]=slug&populate=`, { headers: { authorization: `Bearer ${token}` } });
      const body = await res.text();
      expect((JSON.parse(body) as { data: unknown[] }).data, `${link}: ${res.url} ${body}`).toHaveLength(1);
    }
  });

  describe('the code snippets', () => {
    let workspace: SnippetWorkspace;
    const files = new Map<string, string>();
    const env = () => ({ CHIUDETE_CMS: cms.url, CHIUDETE_TOKEN: token });
    const expectRan = (run: SnippetRun, name: string) => expect(run.exitCode, `${name}\n${run.stdout}\n${run.stderr}`).toBe(0);

    beforeAll(() => {
      workspace = createSnippetWorkspace();
      tsSnippets.forEach(({ document, block }, i) => files.set(snippetName(document, block), writeTsSnippet(workspace, `snippet-${i}`, block.code, cms.url)));
    });

    afterAll(() => workspace?.cleanup());

    it('finds the snippets of both documents', () => {
      expect(tsSnippets.filter(({ document }) => document === 'docs/partners.md').length).toBeGreaterThanOrEqual(2);
      expect(tsSnippets.filter(({ document }) => document !== 'docs/partners.md').length).toBeGreaterThanOrEqual(8);
    });

    it('typecheck, strict, as a partner\'s project would compile them', async () => {
      expect(await typecheckSnippets(workspace)).toBe('');
    }, 120_000);

    it.each(tsSnippets.map(({ document, block }) => [snippetName(document, block)] as const))('%s runs', async (name) => {
      const run = await runTsSnippet(files.get(name)!, env());
      expectRan(run, name);
      // What the reader's own functions received: every entry, once; a cursor after each.
      for (const key of ['save', 'upsert']) {
        const ids = run.calls[key];
        if (ids) expect(new Set(ids).size, `${name}: ${key}`).toBe(ids.length);
        if (ids) expect(ids.length, `${name}: ${key}`).toBeGreaterThan(0);
      }
      if (run.calls.upsert) expect(run.calls.saveCursor?.length, name).toBe(run.calls.upsert.length);
      if (run.calls.markRemoved) expect(run.calls.markRemoved, name).toEqual(['no-longer-published']);
    });

    it('the webhook receiver of the guide answers 204 to a signed event, ping or event of a newer type (queueing only the event) and 401 to a forged one', async () => {
      const entry = tsSnippets.find(({ block }) => block.code.includes('export function receiveChiudeteWebhook'));
      expect(entry).toBeDefined();
      process.env.CHIUDETE_WEBHOOK_SECRET = 'whsec_partner_docs_0123456789abcdef0123';
      const { receiveChiudeteWebhook } = (await import(files.get(snippetName(entry!.document, entry!.block))!)) as {
        receiveChiudeteWebhook(rawBody: Buffer, signature: string | undefined, queue: WebhookEvent[]): number;
      };
      const body = JSON.stringify({ id: 'evt_1', type: 'content.published', createdAt: new Date().toISOString(), data: { type: 'article', documentId: 'd1', slug: 's', url: 'https://chiudeteicallcenter.eu/articoli/s', apiUrl: `${cms.url}/api/articles/d1` } });
      const queue: WebhookEvent[] = [];
      expect(receiveChiudeteWebhook(Buffer.from(body), signWebhookPayload({ payload: body, secret: process.env.CHIUDETE_WEBHOOK_SECRET }), queue)).toBe(204);
      expect(queue.map((event) => event.id)).toEqual(['evt_1']);
      expect(receiveChiudeteWebhook(Buffer.from(body), signWebhookPayload({ payload: body, secret: 'whsec_someone_else_0123456789abcdef' }), queue)).toBe(401);
      expect(receiveChiudeteWebhook(Buffer.from(body), undefined, queue)).toBe(401);
      const ping = JSON.stringify({ id: 'evt_2', type: 'webhook.ping', createdAt: new Date().toISOString(), data: { webhook: 'Partner' } });
      expect(receiveChiudeteWebhook(Buffer.from(ping), signWebhookPayload({ payload: ping, secret: process.env.CHIUDETE_WEBHOOK_SECRET }), queue)).toBe(204);
      // A type added after the client: acknowledged, not queued, never a 400 that the CMS would retry six times.
      const newer = JSON.stringify({ id: 'evt_3', type: 'content.archived', createdAt: new Date().toISOString(), data: { type: 'article', documentId: 'd1' } });
      expect(receiveChiudeteWebhook(Buffer.from(newer), signWebhookPayload({ payload: newer, secret: process.env.CHIUDETE_WEBHOOK_SECRET }), queue)).toBe(204);
      expect(queue).toHaveLength(1);
    });

    const pythonSkip = interpreterSkipReason('python3', 'REQUIRE_PYTHON', 'the Python snippets of docs/partners.md');
    it.skipIf(pythonSkip).each(pythonSnippets.map((block) => [snippetName('docs/partners.md', block), block] as const))('%s runs', async (name, block) => {
      const run = await runPythonSnippet(workspace, `python-${block.line}`, block.code, cms.url, env());
      expectRan(run, name);
      const ids = run.calls.upsert ?? [];
      const published = (await (await fetch(`${cms.url}/api/articles?fields[0]=documentId&populate=&pagination[pageSize]=100`, { headers: { authorization: `Bearer ${token}` } })).json()) as { data: Array<{ documentId: string }> };
      expect([...ids].sort(), name).toEqual(published.data.map((entry) => entry.documentId).sort());
      expect(String(run.calls.save_cursor?.at(-1)), name).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[^|]+\\|${String(ids.at(-1))}$`));
    });

    const phpSkip = interpreterSkipReason('php', 'REQUIRE_PHP', 'the PHP snippets of docs/partners.md');
    it.skipIf(phpSkip).each(phpSnippets.map((block) => [snippetName('docs/partners.md', block), block] as const))('%s runs', async (name, block) => {
      const run = await runPhpSnippet(workspace, `php-${block.line}`, block.code, cms.url, env());
      expectRan(run, name);
      expect(run.stdout, name).toContain('Chiudete i Call Center');
      expect(run.stdout.match(/\/testimonianze\//g)?.length ?? 0, name).toBeGreaterThanOrEqual(3);
    });
  });
});
