/** How many submissions the home page's moderation queue lists: the ones waiting longest. */
export const QUEUE_SIZE = 5;

/** «12 testimonianze in attesa di una decisione: qui le 5 che aspettano da più tempo», above the queue. */
export function pendingSummary(total: number): string {
  if (total === 1) return '1 testimonianza in attesa di una decisione';
  const all = `${total} testimonianze in attesa di una decisione`;
  return total > QUEUE_SIZE ? `${all}: qui le ${QUEUE_SIZE} che aspettano da più tempo` : `${all}, dalla più vecchia`;
}
