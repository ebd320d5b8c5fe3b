import { OSSERVATORIO_COMPANY_THRESHOLD_DEFAULT } from '@chiudete/types';

type Env = Readonly<Record<string, string | undefined>>;

/** The largest threshold accepted: a bigger one is surely a typo. */
const THRESHOLD_MAX = 1_000_000;

/**
 * How many published testimonies a company needs to be named by the
 * Osservatorio: OSSERVATORIO_COMPANY_THRESHOLD, a whole number ≥ 1 (default
 * `OSSERVATORIO_COMPANY_THRESHOLD_DEFAULT`). A wrong value stops the boot with
 * a message naming it, never a silent fallback that could name a company on
 * one or two testimonies.
 */
export function loadOsservatorioThreshold(env: Env = process.env): number {
  const raw = env.OSSERVATORIO_COMPANY_THRESHOLD?.trim();
  if (raw === undefined || raw === '') return OSSERVATORIO_COMPANY_THRESHOLD_DEFAULT;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > THRESHOLD_MAX) {
    throw new Error(`Osservatorio configuration: OSSERVATORIO_COMPANY_THRESHOLD="${raw.slice(0, 40)}" must be a whole number from 1 to ${THRESHOLD_MAX} (default ${OSSERVATORIO_COMPANY_THRESHOLD_DEFAULT}).`);
  }
  return Number(raw);
}
