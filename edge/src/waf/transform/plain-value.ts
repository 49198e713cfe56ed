// Small alphabets that most values are written in: timestamps and amounts, identifiers and enum values,
// both together, and plain text (browser User-Agents, simple prose). The engine uses them to skip rules
// that provably find nothing in such a value (regex-alphabet.ts, rule-plan.ts).

export type ValueAlphabet = {
  characters: readonly string[];
  pattern: RegExp;
  /** Every pipeline view of such a value is the value itself, lower-cased where the pipeline lower-cases. */
  identityViews: boolean;
};

const NUMERIC: ValueAlphabet = {
  // Amounts, ISO 8601 timestamps (`2026-12-01T00:00:00.000Z`), IP addresses, counts.
  characters: [..."0123456789.:-TtZz"],
  pattern: /^[\d.:TtZz-]*$/,
  identityViews: true,
};
const WORD: ValueAlphabet = {
  // Identifiers, enum values, currency codes, UUIDs, prefixed ids (`ply_01J9…`).
  characters: [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"],
  pattern: /^[\w-]*$/,
  identityViews: true,
};
const PLAIN: ValueAlphabet = {
  characters: [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:-"],
  pattern: /^[\w.:-]*$/,
  identityViews: true,
};
const TEXT: ValueAlphabet = {
  // `Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) …`, `https://play.example/account`, sentences
  // without quotes. Spaces and slashes give the whitespace and path normalisers work, but what they
  // leave is still written in the alphabet.
  characters: [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:- ()/;,"],
  pattern: /^[\w.:\- ()/;,]*$/,
  identityViews: false,
};

/** Narrowest first: numeric and word are inside plain, plain is inside text. */
export const VALUE_ALPHABETS: readonly ValueAlphabet[] = [NUMERIC, WORD, PLAIN, TEXT];
export const PLAIN_VALUE_PATTERNS: readonly RegExp[] = VALUE_ALPHABETS.map((alphabet) => alphabet.pattern);

/**
 * The narrowest alphabet (index into VALUE_ALPHABETS) a value is written in, or -1 when there is none.
 * Every pipeline maps a value to one in the same alphabet: no alphabet has a `%`, `&`, `\`, `#`, `+`,
 * `*`, tab, line break, control or non-ASCII character for the decoders or the comment stripper to act
 * on; whitespace compression, path normalisation (`//` and `/./` to `/`) and comment removal only drop
 * characters; each alphabet is closed under lower-casing. So a rule proven unable to match inside the
 * alphabet cannot match the value through any pipeline.
 */
export function alphabetOf(value: string): number {
  if (!TEXT.pattern.test(value)) return -1;
  if (!PLAIN.pattern.test(value)) return 3;
  if (NUMERIC.pattern.test(value)) return 0;
  return WORD.pattern.test(value) ? 1 : 2;
}

// Printable ASCII punctuation, and the space, that no pipeline acts on: the decoders wait for `%`, `&`
// and `\`, the comment strippers for `*` and `#` (a `//` comment only drops what follows it), and
// whitespace compression and path normalisation only drop characters. `+` is left out too, for the
// form decoders that read it as a space.
const INERT_PUNCTUATION = " !\"$'(),-./:;<=>?@[]^_`{|}~";
const LETTERS_AND_DIGITS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** Per ASCII code: 0 for a letter or digit, the punctuation's bit in an inert mask, -1 for the rest. */
const INERT_BITS = new Int32Array(128).fill(-1);
for (const ch of LETTERS_AND_DIGITS) INERT_BITS[ch.charCodeAt(0)] = 0;
for (let bit = 0; bit < INERT_PUNCTUATION.length; bit++)
  INERT_BITS[INERT_PUNCTUATION.charCodeAt(bit)] = 1 << bit;

/**
 * Which inert punctuation characters a value contains (one bit each), or -1 when it has a character
 * that is neither a letter, a digit nor inert punctuation. A value with a mask is written in the
 * alphabet of letters, digits and those characters, and every pipeline view of it is too: nothing
 * decodes, lower-casing stays among the letters, and the normalisers only drop characters. So a rule
 * proven unable to match inside that alphabet cannot match the value (rule-plan.ts).
 */
export function inertMaskOf(value: string): number {
  let mask = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const bit = code < 128 ? (INERT_BITS[code] as number) : -1;
    if (bit < 0) return -1;
    mask |= bit;
  }
  return mask;
}

/** The alphabet of a value with this inert mask: letters, digits and the mask's punctuation. */
export function inertAlphabetOf(mask: number): string[] {
  const characters = [...LETTERS_AND_DIGITS];
  for (let bit = 0; bit < INERT_PUNCTUATION.length; bit++)
    if ((mask & (1 << bit)) !== 0) characters.push(INERT_PUNCTUATION[bit] as string);
  return characters;
}

/** What the engine tells the views about a value with an inert mask: nothing to decode. */
export const INERT_VALUE: ValueAlphabet = {
  characters: [...LETTERS_AND_DIGITS, ...INERT_PUNCTUATION],
  pattern: /^[\w !"$'(),\-./:;<=>?@[\]^`{|}~]*$/,
  identityViews: false,
};
