/**
 * The receipt of a sent testimony, handed from the form (testimonianze/invia)
 * to the confirmation page (testimonianze/inviata) through this tab's
 * sessionStorage: the private access token never travels in a URL.
 */

/** Where the confirmation page finds the receipt: this tab only, never a URL. */
const RECEIPT_KEY = 'chiudete:testimonianza-inviata';

export interface StoredReceipt {
  accessToken: string;
  title: string;
  /** Whether the CMS e-mails the link to the submitter (they gave an address). */
  linkEmailed: boolean;
}

/** Hands the receipt to the confirmation page through this tab's sessionStorage (never the URL). */
export function storeReceipt(receipt: StoredReceipt): void {
  try {
    sessionStorage.setItem(RECEIPT_KEY, JSON.stringify(receipt));
  } catch {
    // Storage disabled: the confirmation page says it cannot show the link.
  }
}

export function readReceipt(): StoredReceipt | null {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(RECEIPT_KEY) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { accessToken, title, linkEmailed } = parsed as Record<string, unknown>;
    return typeof accessToken === 'string' && typeof title === 'string' ? { accessToken, title, linkEmailed: linkEmailed === true } : null;
  } catch {
    return null;
  }
}

export function forgetReceipt(): void {
  try {
    sessionStorage.removeItem(RECEIPT_KEY);
  } catch {
    // Nothing to forget.
  }
}
