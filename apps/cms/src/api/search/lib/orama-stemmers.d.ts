// The CMS compiles with `moduleResolution: node`, which does not read
// package.json `exports`; at run time Node resolves the subpath to
// `dist/it.cjs` (the package's `require` condition).
declare module '@orama/stemmers/italian' {
  /** The Snowball Italian stemmer. */
  export function stemmer(word: string): string;
  export const language: string;
}
