import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { parseWebhookEvent, WebhookSignatureError, type WebhookEvent } from '@chiudete/types/webhooks';

export interface WebhookServerOptions {
  /** The webhook's secret; [newSecret, oldSecret] while switching. */
  secret: string | readonly string[];
  /** Your work: keep it short (queue it) to answer within 5 seconds. A rejection answers 500: the CMS retries. */
  handle: (event: WebhookEvent) => Promise<void>;
  log?: (message: string, error: unknown) => void;
}

async function receive(req: IncomingMessage, res: ServerResponse, options: WebhookServerOptions): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  let event: WebhookEvent;
  try {
    event = parseWebhookEvent({
      payload: Buffer.concat(chunks), // the raw bytes, before any JSON parsing
      header: req.headers['x-chiudete-signature'],
      secret: options.secret,
      toleranceSeconds: 300, // default: refuse replays older than 5 minutes
    });
  } catch (error) {
    if (!(error instanceof WebhookSignatureError)) throw error;
    // A signed event of a type newer than this client: ours, so acknowledged, and ignored.
    const status = error.reason === 'unknown_event_type' ? 204 : error.reason === 'invalid_payload' ? 400 : 401;
    res.writeHead(status).end(status === 204 ? undefined : error.reason);
    return;
  }
  await options.handle(event); // switch on event.type: content.published, content.unpublished, webhook.ping
  res.writeHead(204).end(); // acknowledged only once handled
}

export function createWebhookServer(options: WebhookServerOptions): Server {
  const log = options.log ?? console.error;
  return createServer((req, res) => {
    receive(req, res, options).catch((error: unknown) => {
      log('webhook not handled (the CMS will retry it):', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
}

// CHIUDETE_WEBHOOK_SECRET=whsec_… node server.ts (import.meta.main: Node 24.2+)
if (import.meta.main) {
  const secret = process.env.CHIUDETE_WEBHOOK_SECRET;
  if (!secret) throw new Error('Set CHIUDETE_WEBHOOK_SECRET');
  // A `webhook.ping` (a test sent from the CMS admin) has no content to read: acknowledge it and move on.
  createWebhookServer({ secret, handle: async (event) => console.log(event.type, event.type === 'webhook.ping' ? event.data.webhook : event.data.apiUrl) }).listen(8080);
}
