/**
 * Prints the precision and recall of the personal-data detector over its
 * corpus (scripts/redaction-evaluation/corpus.ts), per kind and overall, then over the
 * documented known misses. Exits with 1 below 95% on the corpus.
 *
 *   pnpm --filter @chiudete/cms bench:redaction
 *   (= node scripts/redaction-quality.ts, Node 24 strips the types)
 *
 * Node's type stripping does not resolve extensionless relative imports, which
 * the CommonJS build needs; a resolve hook retries them with ".ts". After a
 * Strapi build, `node dist/scripts/redaction-quality.js` works as well.
 */
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (/^\.{1,2}\//.test(specifier) && !/\.[cm]?[jt]s$/.test(specifier)) {
        return nextResolve(`${specifier}.ts`, context);
      }
      throw error;
    }
  },
});

async function main(): Promise<void> {
  const { formatQualityReport, measureRedactionQuality } = await import('./redaction-evaluation/quality');
  const { REDACTION_KNOWN_MISSES } = await import('./redaction-evaluation/corpus');
  const report = measureRedactionQuality();
  console.log(formatQualityReport(report));
  console.log(`\nKnown misses (documented, not in the corpus):\n${formatQualityReport(measureRedactionQuality(REDACTION_KNOWN_MISSES))}`);
  if (report.overall.precision < 0.95 || report.overall.recall < 0.95) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
