import type { Page, Request } from 'playwright-core';

/**
 * What a page went through (console errors and warnings, uncaught errors,
 * failed requests, answers >= 400, answers slower than a second,
 * navigations, and the requests still unanswered when asked), kept from the moment it is
 * attached, to explain a failure that the assertion alone cannot: a rare
 * timeout on a slow machine says what the browser saw.
 */
export interface PageJournal {
  /** Everything recorded, one line each, oldest first. */
  lines(): string[];
  /** A failure's message followed by the journal and the page's address. */
  explain(error: unknown): Error;
}

export function keepPageJournal(page: Page): PageJournal {
  const started = Date.now();
  const entries: string[] = [];
  const add = (line: string) => entries.push(`+${((Date.now() - started) / 1000).toFixed(1)}s ${line}`);
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') add(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => add(`pageerror: ${error.message}`));
  /** Requests sent and not yet answered, with when they were sent. */
  const pending = new Map<Request, number>();
  const SLOW_MS = 1_000;
  page.on('request', (request) => pending.set(request, Date.now()));
  page.on('requestfinished', (request) => {
    const sent = pending.get(request);
    pending.delete(request);
    if (sent !== undefined && Date.now() - sent > SLOW_MS) add(`slow answer (${((Date.now() - sent) / 1000).toFixed(1)}s): ${request.method()} ${request.url()}`);
  });
  page.on('requestfailed', (request) => {
    pending.delete(request);
    add(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) add(`answer ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) add(`navigated to ${frame.url()}`);
  });
  return {
    lines: () => [...entries],
    explain(error) {
      const message = error instanceof Error ? error.message : String(error);
      const unanswered = [...pending].map(([request, sent]) => `  ${request.method()} ${request.url()} (sent ${((Date.now() - sent) / 1000).toFixed(1)}s ago)`);
      return new Error([
        message, `page: ${page.url()}`, 'what the page went through:', ...entries.map((line) => `  ${line}`),
        unanswered.length > 0 ? 'requests still unanswered:' : 'no request left unanswered', ...unanswered,
      ].join('\n'), { cause: error });
    },
  };
}
