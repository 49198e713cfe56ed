// Small alphabets that most values of a structured JSON body are written in: timestamps and amounts,
// identifiers and enum values, and both together. The engine uses them to skip rules that provably
// find nothing in such a value (regex-alphabet.ts, rule-plan.ts).

export type ValueAlphabet = { characters: readonly string[]; pattern: RegExp };

const NUMERIC: ValueAlphabet = {
  // Amounts, ISO 8601 timestamps (`2026-12-01T00:00:00.000Z`), IP addresses, counts.
  characters: [..."0123456789.:-TtZz"],
  pattern: /^[\d.:TtZz-]*$/,
};
const WORD: ValueAlphabet = {
  // Identifiers, enum values, currency codes, UUIDs, prefixed ids (`ply_01J9…`).
  characters: [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"],
  pattern: /^[\w-]*$/,
};
const PLAIN: ValueAlphabet = {
  characters: [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:-"],
  pattern: /^[\w.:-]*$/,
};

/** Narrowest first; each is contained in the last, the plain alphabet. */
export const VALUE_ALPHABETS: readonly ValueAlphabet[] = [NUMERIC, WORD, PLAIN];
export const PLAIN_VALUE_PATTERNS: readonly RegExp[] = VALUE_ALPHABETS.map((alphabet) => alphabet.pattern);

/**
 * The narrowest alphabet (index into VALUE_ALPHABETS) a value is written in, or -1 when it is not
 * plain. Every pipeline maps a plain value to one in the same alphabet — there is no `%`, `&`, `\`,
 * `/`, `#`, `+`, whitespace, control or non-ASCII character for the decoders, path and comment
 * normalisers to act on, and each alphabet is closed under lower-casing — so a rule proven unable to
 * match inside the alphabet cannot match the value through any pipeline.
 */
export function alphabetOf(value: string): number {
  if (!PLAIN.pattern.test(value)) return -1;
  if (NUMERIC.pattern.test(value)) return 0;
  return WORD.pattern.test(value) ? 1 : 2;
}
