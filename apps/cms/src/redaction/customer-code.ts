import { labelledCodeDetector } from './labelled-code';
import { PRIORITY } from './types';

/** "codice cliente", "cod. cliente", "numero cliente", "ID cliente", "codice utente", "codice abbonato"… */
export const detectCustomerCodes = labelledCodeDetector(
  'customer_code',
  ['cliente', 'utente', 'utenza', 'abbonato', 'abbonamento', 'account'],
  PRIORITY.customer_code,
);
