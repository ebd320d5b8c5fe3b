import { labelledCodeDetector } from './labelled-code';
import { PRIORITY } from './types';

/**
 * "codice contratto", "n. contratto", "numero pratica", "codice migrazione",
 * and the other numbers that identify one customer's case: order, ticket,
 * complaint and request numbers (with at least 4 digits).
 */
export const detectContractCodes = labelledCodeDetector(
  'contract_code',
  ['contratto', 'pratica', 'migrazione', 'ordine', 'segnalazione', 'reclamo', 'ticket', 'richiesta', 'proposta'],
  PRIORITY.contract_code,
);
