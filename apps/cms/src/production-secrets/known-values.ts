/**
 * Values that are public knowledge, so never a secret: the placeholders of
 * Strapi's own `.env.example` (`toBeModified`, `tobemodified1,tobemodified2`)
 * and of ours (`change-me` in the DATABASE_URL example), the usual stand-ins,
 * and passwords written in this repository's docs and tests (`Redazione2019!`
 * was once the published default of the local admin). Not the e2e stack's
 * admin password: that production-mode CMS lives for one test run only.
 * Compared without case, and, for the placeholders, with or without a
 * trailing number and separators (`toBeModified2`, `change_me`).
 */
const PLACEHOLDER = /^(?:to[-_ ]?be[-_ ]?modified|change[-_ ]?me|changeit|replace[-_ ]?me|placeholder|example|secret|password|default|dummy|ci[-_]dummy|test|todo|xxx+|\*+)[-_ ]?\d*$/i;

/** Well-known database passwords (images' and tutorials' defaults). */
const DATABASE_DEFAULTS = ['strapi', 'postgres', 'postgresql', 'password', 'admin', 'root', 'pass', 'pgpass', 'secret', '123456', '12345678'];

/**
 * Admin passwords that pass Strapi's rules (8+ characters, a lowercase and an
 * uppercase letter, a digit) yet are known: common ones, and every one
 * written in this repository (tests, docs).
 */
const ADMIN_PASSWORDS = [
  'Password1', 'Password12', 'Password123', 'Password1234', 'Passw0rd', 'P4ssw0rd', 'Admin123', 'Admin1234', 'Admin12345', 'Administrator1',
  'Strapi123', 'Strapi1234', 'Changeme1', 'Changeme123', 'Welcome1', 'Welcome123', 'Qwerty123', 'Letmein1', 'Abcd1234', 'Test1234',
  'Redazione1', 'Redazione123', 'Redazione2019!', 'Produzione2019!', 'Another2019!', 'LocaleDaSetupEnv2026',
];

const lower = (values: readonly string[]) => new Set(values.map((value) => value.toLowerCase()));
const databaseDefaults = lower(DATABASE_DEFAULTS);
const adminPasswords = lower(ADMIN_PASSWORDS);

export const isPlaceholder = (value: string): boolean => PLACEHOLDER.test(value.trim());

export const isDefaultDatabasePassword = (value: string): boolean => isPlaceholder(value) || databaseDefaults.has(value.trim().toLowerCase());

export const isKnownAdminPassword = (value: string): boolean => isPlaceholder(value) || adminPasswords.has(value.trim().toLowerCase());
