/**
 * Watches `count()` for `ms` and fails as soon as it goes past `expected`,
 * naming `what`. For background work with no completion signal (an e-mail
 * sent after the answer, a call to the site after a commit): only a bounded
 * watch can show that a duplicate or an unwanted call never comes. Use it
 * after waiting for the event itself, never instead of it.
 */
export async function expectNothingMoreFor(ms: number, count: () => number, expected: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const seen = count();
    if (seen > expected) throw new Error(`Expected ${expected} ${what}, got ${seen} within ${ms} ms`);
    if (Date.now() >= deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
