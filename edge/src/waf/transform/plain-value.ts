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
