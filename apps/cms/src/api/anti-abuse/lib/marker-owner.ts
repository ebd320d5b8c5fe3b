/**
 * A marker's stored value (a used ALTCHA solution): its owner, or `-` for
 * none, which never equals an owner's value (prefixed) and so never matches.
 */
export const ownerValue = (owner: string | undefined): string => (owner === undefined ? '-' : `o:${owner}`);
