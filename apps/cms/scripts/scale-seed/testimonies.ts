import { CHANNELS, SECTORS, type Channel, type Role, type Sector } from '@chiudete/types';
import { BRANDS, CUSTOMER_NAMES, OPERATOR_NAMES, PLACES, SECTOR_PHRASES } from './banks/common';
import {
  CUSTOMER_CONTACTS,
  CUSTOMER_ESCALATIONS,
  CUSTOMER_ISSUES,
  CUSTOMER_OUTCOMES,
  CUSTOMER_REFLECTIONS,
  OPERATOR_ADVICE,
  OPERATOR_OPENINGS,
  OPERATOR_PRACTICES,
  OPERATOR_TITLES,
  WHEN,
} from './banks/testimonies';
import { capitalize, documentIdFor, fill, randomFor, slugify, type Random } from './random';
import { createdBefore, isoDay, publicationAfter, randomEventMonth, startOfMonth } from './timeline';

/** Days between a story's arrival and its publication. */
const RECEIVED_DAYS_BEFORE = 3;

/** One generated testimony, with the attributes of api::testimony.testimony it sets. */
export interface GeneratedTestimony {
  documentId: string;
  title: string;
  slug: string;
  role: Role;
  sector: Sector;
  channel: Channel;
  companyBrand: string;
  eventMonth: string;
  story: string;
  displayName: string;
  /** The day the story arrived: a few days before its publication (moderation). */
  receivedDate: string;
  createdAt: Date;
  publishedAt: Date;
}

/** Operators tell of calls they answer or make; customers of every channel. */
const OPERATOR_CHANNELS: readonly Channel[] = ['assistenza_telefonica', 'assistenza_telefonica', 'telemarketing', 'chat', 'email'];

/** Numbers a story may quote. */
function numbers(random: Random) {
  return {
    amount: random.int(12, 90) * 10,
    small: random.int(3, 15),
    days: random.int(6, 75),
    n: random.int(3, 9),
    minutes: random.int(12, 55),
    months: random.int(2, 8),
    years: random.int(2, 14),
  };
}

const words = (text: string) => text.split(/\s+/).length;
const MIN_WORDS = 60;

function customerStory(random: Random, sector: Sector, channel: Channel, values: Record<string, string | number>) {
  const issue = random.pick(CUSTOMER_ISSUES[sector]);
  const brand = issue.brand ?? random.pick(BRANDS[sector]);
  const all = { ...values, brand, ask: issue.ask, when: fill(random.pick(WHEN), values) };
  const reflections = random.sample(CUSTOMER_REFLECTIONS, 2);
  const paragraphs = [
    `${fill(issue.setup, all)} ${fill(random.pick(CUSTOMER_CONTACTS[channel]), all)}`,
    random.sample(CUSTOMER_ESCALATIONS, random.int(1, 2)).join(' '),
    `${fill(random.pick(CUSTOMER_OUTCOMES), all)} ${reflections[0]!}`,
  ];
  if (words(paragraphs.join(' ')) < MIN_WORDS) paragraphs.push(reflections[1]!);
  return { brand, title: fill(random.pick(issue.titles), all), story: paragraphs.join('\n\n') };
}

function operatorStory(random: Random, sector: Sector, values: Record<string, string | number>) {
  const brand = random.pick(BRANDS[sector]);
  const practices = random.sample(OPERATOR_PRACTICES, random.int(2, 3));
  const advice = random.sample(OPERATOR_ADVICE, 2);
  const paragraphs = [
    `${fill(random.pick(OPERATOR_OPENINGS), { ...values, brand })} ${practices[0]!}`,
    practices.slice(1).join(' '),
    advice[0]!,
  ];
  if (words(paragraphs.join(' ')) < MIN_WORDS) paragraphs.push(advice[1]!);
  return { brand, title: random.pick(OPERATOR_TITLES), story: paragraphs.join('\n\n') };
}

/**
 * Testimony number `index` of `seed`: role (three in four are customers),
 * sector, channel, month, an invented brand, a story of 60 to 200 words
 * composed from the phrase banks, and a slug that ends with `-<seed>-<n>`
 * (unique per seed and index: the title alone repeats).
 */
export function generateTestimony(seed: number, index: number): GeneratedTestimony {
  const random = randomFor('testimony', seed, index);
  const role: Role = random.chance(0.75) ? 'cliente' : 'operatore';
  const sector = random.pick(SECTORS);
  const channel = role === 'cliente' ? random.pick(CHANNELS) : random.pick(OPERATOR_CHANNELS);
  const month = randomEventMonth(random);
  const values = { ...numbers(random), month: month.label, sector: SECTOR_PHRASES[sector] };
  const { brand, title, story } = role === 'cliente' ? customerStory(random, sector, channel, values) : operatorStory(random, sector, values);
  const publishedAt = publicationAfter(random, startOfMonth(month), 20, 120);
  const names = role === 'cliente' ? CUSTOMER_NAMES : OPERATOR_NAMES;
  return {
    documentId: documentIdFor(seed, 'testimony', index),
    title: capitalize(title),
    slug: `${slugify(title)}-${seed}-${index + 1}`,
    role,
    sector,
    channel,
    companyBrand: brand,
    eventMonth: month.value,
    story,
    displayName: `${random.pick(names)}, ${random.pick(PLACES)}`,
    receivedDate: isoDay(new Date(publishedAt.getTime() - RECEIVED_DAYS_BEFORE * 24 * 60 * 60 * 1000)),
    createdAt: createdBefore(random, publishedAt),
    publishedAt,
  };
}
