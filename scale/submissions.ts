import { randomUUID } from 'node:crypto';
import { solveChallenge } from 'altcha-lib';

/** A testimony as the site's form sends it: its body (token and solved challenge inside) and the key of this fill. */
export interface PreparedSubmission {
  key: string;
  title: string;
  body: string;
}

interface Challenge { algorithm: string; challenge: string; salt: string; signature: string; maxnumber?: number }

async function json<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`[GET] "${url}": ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * `count` valid submissions, each with its own solved ALTCHA challenge and
 * idempotency key, titles marked with `marker`; waits out the form's
 * minimum fill time before returning.
 */
export async function prepareSubmissions(baseUrl: string, marker: string, count: number): Promise<PreparedSubmission[]> {
  const { data } = await json<{ data: { token: string; minFillSeconds: number } }>(`${baseUrl}/api/form-tokens/testimony`);
  const prepared: PreparedSubmission[] = [];
  for (let i = 0; i < count; i++) {
    const challenge = await json<Challenge>(`${baseUrl}/api/altcha/challenge`);
    const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber ?? 1e6).promise;
    if (!solution) throw new Error('ALTCHA challenge not solved');
    const altcha = Buffer.from(JSON.stringify({ ...challenge, number: solution.number, took: solution.took })).toString('base64');
    const title = `${marker} numero ${i}`;
    prepared.push({
      key: randomUUID(),
      title,
      body: JSON.stringify({
        data: {
          role: i % 2 ? 'cliente' : 'operatore',
          displayName: `Lettore ${i}`,
          contactEmail: `lettore${i}@example.org`,
          sector: 'telefonia',
          companyBrand: 'Gestore Esempio',
          channel: 'assistenza_telefonica',
          eventMonth: '2019-03',
          title,
          story: 'Ho chiamato il servizio clienti per la stessa bolletta, ogni volta una risposta diversa. '.repeat(3),
          consentToPublish: true,
          privacyAccepted: true,
          website: '',
          formToken: data.token,
          altcha,
        },
      }),
    });
  }
  await new Promise((resolve) => setTimeout(resolve, data.minFillSeconds * 1000 + 200));
  return prepared;
}

export interface SendOutcome {
  key: string;
  /** The final status (0: never answered). */
  status: number;
  attempts: number;
  /** The answer's error message when it was not a 202 (for the report). */
  message?: string;
}

/**
 * Sends one submission like the site's form: on a network error or a 502,
 * 503 or 504 it tries again with the SAME idempotency key (backoff 250 ms,
 * doubling), up to `tries` attempts.
 */
export async function sendWithRetries(url: string, headerName: string, submission: PreparedSubmission, tries = 6): Promise<SendOutcome> {
  let status = 0;
  for (let attempt = 1; attempt <= tries; attempt++) {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [headerName]: submission.key },
        body: submission.body,
        signal: AbortSignal.timeout(20_000),
      });
      status = res.status;
      const text = await res.text();
      if (![502, 503, 504].includes(status)) {
        return { key: submission.key, status, attempts: attempt, ...(status === 202 ? {} : { message: text.slice(0, 200) }) };
      }
    } catch {
      status = 0;
    }
    await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** (attempt - 1)));
  }
  return { key: submission.key, status, attempts: tries };
}

/** Runs `work` over `items` with at most `concurrency` at a time, in order of start. */
export async function pool<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  }));
  return results;
}
