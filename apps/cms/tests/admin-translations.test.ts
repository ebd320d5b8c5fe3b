import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_IT } from '../src/admin/translations/admin';
import { CONTENT_MANAGER_IT } from '../src/admin/translations/content-manager';
import { UPLOAD_IT } from '../src/admin/translations/upload';

/*
 * Every string editors meet in the admin has Italian: Strapi 5.54's own
 * it.json files, completed by ours (src/admin/translations). Strapi's English
 * files are the list of what exists, so a Strapi upgrade that adds strings to
 * these screens fails here until they are translated.
 */

type Messages = Record<string, string>;

const fromStrapi = createRequire(createRequire(import.meta.url).resolve('@strapi/strapi/package.json'));

/** Strapi's translation file of one admin package, as built in dist/. */
function strapiMessages(pkg: string, locale: 'en' | 'it'): Messages {
  const root = dirname(fromStrapi.resolve(`@strapi/${pkg}/package.json`));
  const dir = pkg === 'admin' ? 'dist/admin/admin/src/translations' : 'dist/admin/translations';
  const loaded = fromStrapi(join(root, dir, `${locale}.json.js`)) as Messages | { default: Messages };
  return ('default' in loaded && typeof loaded.default === 'object' ? loaded.default : loaded) as Messages;
}

interface Area {
  pkg: string;
  ours: Messages;
  /** The keys editors meet; all of the package's when absent. */
  editorFacing?: (key: string) => boolean;
}

/** Admin-shell screens editors use (home page, widgets, profile, menus, banners, errors, the blocks editor). */
const ADMIN_EDITOR_PREFIXES = [
  'HomePage.',
  'widget.',
  'global.',
  'Settings.sessions.',
  'app.session.',
  'app.error.',
  'app.utils.',
  'app.components.MediaLibraryBanner.',
  'app.components.Select.',
  'app.components.ToggleCheckbox.',
  'components.Blocks.',
  'components.Input.',
  'Auth.form.',
  'tours.overview.',
  'tours.profile.',
  'tours.contentManager.',
  'tours.stepCount',
  'tours.skip',
  'tours.next',
  'tours.gotIt',
];

const AREAS: Area[] = [
  { pkg: 'upload', ours: UPLOAD_IT },
  // Content History is not in the Community edition.
  { pkg: 'content-manager', ours: CONTENT_MANAGER_IT, editorFacing: (key) => !key.startsWith('history.') },
  { pkg: 'admin', ours: ADMIN_IT, editorFacing: (key) => ADMIN_EDITOR_PREFIXES.some((prefix) => key.startsWith(prefix)) },
];

/** Keys Strapi uses in code (with a default message) that its en.json does not list, and our own branding. */
const NOT_IN_EN_JSON = new Set([
  'containers.list.table-headers.status',
  'form.input.label.file-location',
  'form.input.label.folder-location',
  'form.input.label.folder-location-default-label',
  'Auth.form.welcome.title',
  'Auth.form.welcome.subtitle',
  'Auth.form.email.placeholder',
  'app.components.LeftMenu.navbrand.title',
  'app.components.LeftMenu.navbrand.workplace',
]);

interface IcuElement {
  type: number;
  value?: unknown;
  options?: Record<string, { value: IcuElement[] }>;
  children?: IcuElement[];
}

/** The ICU parser react-intl itself uses (through intl-messageformat), found from the admin's own dependencies. */
const { parse } = (() => {
  const fromAdmin = createRequire(fromStrapi.resolve('@strapi/admin/package.json'));
  const fromIntl = createRequire(fromAdmin.resolve('react-intl'));
  const fromFormat = createRequire(fromIntl.resolve('intl-messageformat'));
  return fromFormat('@formatjs/icu-messageformat-parser') as { parse(message: string): IcuElement[] };
})();

/** The arguments a message uses (`{count, plural, …}`, `{name}`), at any depth; throws on broken ICU syntax. */
function argumentsOf(message: string): string {
  const names = new Set<string>();
  const walk = (elements: IcuElement[]) => {
    for (const element of elements) {
      // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural (formatjs TYPE).
      if (element.type >= 1 && element.type <= 6 && typeof element.value === 'string') names.add(element.value);
      for (const option of Object.values(element.options ?? {})) walk(option.value);
      if (element.children) walk(element.children);
    }
  };
  walk(parse(message));
  return [...names].sort().join();
}

describe('Italian in the admin', () => {
  for (const { pkg, ours, editorFacing = () => true } of AREAS) {
    describe(`@strapi/${pkg}`, () => {
      const en = strapiMessages(pkg, 'en');
      const it_ = strapiMessages(pkg, 'it');
      // Blank English strings (" ") have nothing to translate.
      const keys = Object.keys(en).filter((key) => editorFacing(key) && en[key]!.trim() !== '');

      it('has Italian for every string editors meet', () => {
        expect(keys.length).toBeGreaterThan(20);
        const missing = keys.filter((key) => !(ours[key] ?? it_[key])?.trim());
        expect(missing, `no Italian for ${missing.length} keys of @strapi/${pkg}: add them to src/admin/translations`).toEqual([]);
      });

      it('overrides only strings that exist, keeping their arguments', () => {
        const ownKeys = (key: string) => key.startsWith('chiudete.') || key.startsWith('apiError.') || NOT_IN_EN_JSON.has(key);
        const unknown = Object.keys(ours).filter((key) => !(key in en) && !ownKeys(key));
        expect(unknown, 'keys Strapi no longer has').toEqual([]);
        const broken = Object.keys(ours)
          .filter((key) => key in en && argumentsOf(ours[key]!) !== argumentsOf(en[key]!))
          .map((key) => `${key}: ${argumentsOf(en[key]!)} → ${argumentsOf(ours[key]!)}`);
        expect(broken, 'arguments lost or invented').toEqual([]);
      });
    });
  }

  it('fixes Strapi\'s own typo «amministazione»', () => {
    const admin = { ...strapiMessages('admin', 'it'), ...ADMIN_IT };
    expect(Object.entries(admin).filter(([, message]) => /amministazione/i.test(message))).toEqual([]);
  });
});
