import fc from 'fast-check';

/**
 * Hostile text for the fuzz suite (tests/fuzz-contract.test.ts): unicode
 * tricks, injection attempts, huge strings, and bytes that only exist
 * percent-encoded (overlong UTF-8, lone surrogates, invalid bytes).
 */

/** A query or path value already percent-encoded, sent byte for byte. */
export interface Raw {
  raw: string;
}

/** A text to send: a JS string (percent-encoded on the way) or raw bytes. */
export type Text = string | Raw;

export const isRaw = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && 'raw' in value && typeof (value as Raw).raw === 'string';

const hexByte = (byte: number) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * Percent-encodes any JS string as UTF-8, unlike `encodeURIComponent`,
 * which throws on a lone surrogate: those become their 3-byte WTF-8 form
 * (`\uD800` → `%ED%A0%80`), which a strict UTF-8 decoder refuses.
 */
export function encodeText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map(hexByte).join('');
    } else {
      out += encodeURIComponent(text[i]!);
    }
  }
  return out;
}

export const encode = (value: Text): string => (isRaw(value) ? value.raw : encodeText(value));

/** Texts joined: raw as soon as one part is raw. */
export function joinTexts(parts: readonly Text[]): Text {
  if (!parts.some(isRaw)) return (parts as string[]).join('');
  return { raw: parts.map(encode).join('') };
}

/** Characters that change how text is read, compared or stored. */
export const UNICODE_TRICKS: readonly string[] = [
  '\u0000', '\u0001', '\u0008', '\u001b[31m', '\u007f', '\u0085', '\u00a0', '\u00ad',
  '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202b', '\u202d', '\u202e', '\u2066', '\u2067', '\u2069',
  '\u2028', '\u2029', '\u2800', '\u3000', '\ufeff', '\ufffc', '\ufffd', '\uffff',
  '\ud800', '\udbff', '\udc00', '\udfff', '\udfff\ud800',
  '\u{1f600}', '\u{1f469}\u200d\u{1f469}\u200d\u{1f467}\u200d\u{1f466}', '\u{1f1ee}\u{1f1f9}', '\u{10ffff}', '\u{e0001}', '\u{e007f}',
  'e\u0301', 'i\u0307', '\u0130', '\u0131', '\u00df', '\ufb03', '\u212b', '\uff21', '\u{1d400}', '\u01c5',
  'a\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030a\u030b\u030c\u030d\u030e\u030f',
  '\u05d0\u05d1', '\u0645\u0631\u062d\u0628\u0627', '\u4e2d\u6587', '\u0928\u092e\u0938\u094d\u0924\u0947',
];

/** Bytes that only exist percent-encoded: overlong and invalid UTF-8, CESU-8 surrogates, separators. */
export const RAW_BYTES: readonly string[] = [
  '%00', '%C0%80', '%C0%AF', '%C1%BF', '%E0%80%AF', '%F0%80%80%AF', '%F8%80%80%80%AF', '%FC%80%80%80%80%AF',
  '%ED%A0%80', '%ED%BF%BF', '%ED%A0%BD%ED%B8%80', '%F4%90%80%80', '%FF', '%FE%FF', '%EF%BB%BF', '%E2%80%AE',
  '%80', '%BF', '%C3', '%E2%82', '%', '%%', '%2', '%G0', '%u0041', '%25', '%2500', '%252e', '+', '%2B', '%20',
  '%26', '%3D', '%23', '%3F', '%2F', '%5C', '%2E%2E%2F', '%2e%2e', '%0D%0A', '%0A', '%09', '%5B', '%5D', '%5B%5D',
];

/** What attackers type into search boxes and filters. */
export const INJECTIONS: readonly string[] = [
  '\'', '"', '`', '\\', '%', '_', '*', '?', ';', '--', '/*', '*/', '\'\'', '""',
  '\' OR \'1\'=\'1', '1) OR (1=1', '\'; DROP TABLE articles; --', '1 UNION SELECT password FROM admin_users',
  '$where', '$ne', '$gt', '{"$gt": ""}', '{"$where": "1"}', '[object Object]',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__',
  'null', 'undefined', 'NaN', 'Infinity', '-Infinity', 'true', 'false', '0', '-0', '-1', '1.5', '1e309', '-1e309',
  '9007199254740993', '0x1F', '0b1', '0o7', '1_000', ' 1', '1 ', '+1', '', ' ', '\t', '\n', '\r\n',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '{{7*7}}', '${7*7}', '#{7*7}',
  '../../../../etc/passwd', '..\\..\\windows\\win.ini', 'file:///etc/passwd', 'http://169.254.169.254/',
  'NEAR(call center)', '"call', 'call*', 'call OR center', 'AND', 'NOT', '^call', 'call:center', 'title:*', 'MATCH', '- -',
  '2019-13-45', '0000-00-00T00:00:00Z', '2019-07-04T25:61:61Z', '275760-09-13', '-271821-04-19T00:00:00Z',
];

/** Ordinary words of the site (so that some filters and searches match). */
export const WORDS: readonly string[] = [
  'call', 'center', 'call center', 'bolletta', 'operatore', 'cliente', 'telefonia', 'gas', 'luce', 'contratto',
  'Candy Larsson', 'outsourcing', 'a', 'ab', 'è', 'perché', 'Per Amore e per Denaro', 'hater',
];

/** Lengths around the limits of the contract and of the stack (64 KB bodies, 16 KB of request headers). */
export const HUGE_LENGTHS: readonly number[] = [99, 100, 101, 141, 255, 256, 1_000, 4_096, 8_000, 12_000];

/** A text made of the site's words, the tricks, injections, random code points and raw bytes. */
export function hostileText(extraWords: readonly string[] = [], { raw = true, maxParts = 4 } = {}): fc.Arbitrary<Text> {
  const parts: Array<fc.WeightedArbitrary<Text>> = [
    { weight: 4, arbitrary: fc.constantFrom(...WORDS, ...extraWords) },
    { weight: 3, arbitrary: fc.constantFrom(...UNICODE_TRICKS) },
    { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  ];
  if (raw) parts.push({ weight: 2, arbitrary: fc.constantFrom(...RAW_BYTES).map((bytes): Raw => ({ raw: bytes })) });
  const mixed = fc.array(fc.oneof(...parts), { minLength: 1, maxLength: maxParts }).map(joinTexts);
  const huge = fc.tuple(fc.constantFrom('x', 'é', '\u{1f600}', '%', '\u202e', '[', '\u0000', 'ab '), fc.constantFrom(...HUGE_LENGTHS))
    .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));
  return fc.oneof({ weight: 9, arbitrary: mixed }, { weight: 1, arbitrary: huge });
}

/** A plain JS string (for JSON bodies): the same ingredients, without raw bytes. */
export const hostileString = (extraWords: readonly string[] = []): fc.Arbitrary<string> =>
  hostileText(extraWords, { raw: false }).map((text) => (isRaw(text) ? text.raw : text));

/** Printable Latin-1 (what a header value may carry), with a few tricks of its own. */
export function headerText(): fc.Arbitrary<string> {
  const latin1 = fc.integer({ min: 0x20, max: 0xff }).filter((code) => code !== 0x7f).map((code) => String.fromCharCode(code));
  return fc.oneof(
    fc.string({ unit: latin1, maxLength: 40 }),
    fc.constantFrom('\u00a0', '\t', ' ', '"', '\\', ',', ';', '=', '*', 'W/', '\u00ff'),
    fc.constantFrom(200, 1_000, 4_000).map((n) => 'a'.repeat(n)),
  );
}
