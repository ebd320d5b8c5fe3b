import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (never a downloaded browser); CHROMIUM_PATH overrides. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const browserRequired = process.env.REQUIRE_BROWSER === '1';

export function browserSkipReason(): string | undefined {
  if (existsSync(chromiumPath)) return undefined;
  if (browserRequired) throw new Error(`REQUIRE_BROWSER=1 but no Chromium at ${chromiumPath}: install it (apt-get install -y chromium).`);
  const reason = `No Chromium at ${chromiumPath}: SKIPPING the end-to-end browser tests (apt-get install -y chromium).`;
  console.warn(`\n${'!'.repeat(reason.length)}\n${reason}\n${'!'.repeat(reason.length)}\n`);
  return reason;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
    ],
  });
}
