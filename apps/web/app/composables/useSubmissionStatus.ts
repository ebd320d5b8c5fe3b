import type { SubmissionState } from '@chiudete/types';
import type { FormsClient } from './lazyForms';

/**
 * The private status page of a testimony (`/testimonianze/stato#<token>`):
 * its status and its withdrawal, through this site's server, which relays
 * them to the CMS (server/utils/public-forms) and never logs the access
 * token (masked in the request log). The typed client loads with
 * the first request (useFormsClient); failures come back as Italian
 * messages (submissionStateFailure, loaded with the client).
 */
export type SubmissionStateResult
  = | { ok: true; state: SubmissionState }
    | { ok: false; reason: 'not_found' | 'failed'; message: string };

/** The CMS could not be reached, or the client could not be loaded. */
export const STATE_UNREACHABLE: SubmissionStateResult = {
  ok: false,
  reason: 'failed',
  message: 'Non siamo riusciti a raggiungere il server della redazione. Riprova tra qualche minuto.',
};

export function useSubmissionStatus() {
  const api = useFormsClient();

  async function stateRequest(request: (client: FormsClient) => Promise<SubmissionState>): Promise<SubmissionStateResult> {
    try {
      const client = await api();
      try {
        return { ok: true, state: await request(client) };
      } catch (cause) {
        return (await loadFormClient()).submissionStateFailure(cause);
      }
    } catch {
      return STATE_UNREACHABLE;
    }
  }

  return {
    status: (accessToken: string) => stateRequest((client) => client.submissions.status(accessToken)),
    withdraw: (accessToken: string) => stateRequest((client) => client.submissions.withdraw(accessToken)),
  };
}
