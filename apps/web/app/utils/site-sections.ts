/**
 * Every section of the site, in the order readers look for them: one list for
 * the header's menu and the footer (so neither forgets one). `primary` marks
 * the few the header shows inline on a wide screen.
 */
export interface SiteSection {
  to: string;
  label: string;
  primary?: boolean;
}

export const SITE_SECTIONS: readonly SiteSection[] = [
  { to: '/', label: 'Home' },
  { to: '/articoli', label: 'Articoli', primary: true },
  { to: '/testimonianze', label: 'Testimonianze', primary: true },
  { to: '/risposte', label: 'Risposte precise', primary: true },
  { to: '/osservatorio', label: 'Osservatorio' },
  { to: '/video', label: 'Video', primary: true },
  { to: '/libro', label: 'Il libro', primary: true },
  { to: '/chi-siamo', label: 'Chi siamo' },
  { to: '/contatti', label: 'Contatti' },
  { to: '/cerca', label: 'Cerca nel sito' },
  { to: '/privacy', label: 'Privacy' },
];

/** The call to action, shown apart (as a button) in the menu. */
export const SUBMIT_TESTIMONY_SECTION: SiteSection = { to: '/testimonianze/invia', label: 'Racconta la tua storia' };

/** A section is current on its own page and on its detail pages (`/articoli/...`); the home page only on itself. */
export function isCurrentSection(sectionPath: string, path: string): boolean {
  if (sectionPath === '/') return path === '/';
  return path === sectionPath || path.startsWith(`${sectionPath}/`);
}

/** `page` on the section's own page, `true` (current section) on its detail pages. */
export function sectionAriaCurrent(sectionPath: string, path: string): 'page' | 'true' | undefined {
  if (path === sectionPath) return 'page';
  return isCurrentSection(sectionPath, path) ? 'true' : undefined;
}
