// Small, allocation-light normalisations shared by the pipelines.

// Fullwidth and compatibility forms (`＜ｓｃｒｉｐｔ＞`) fold to ASCII under NFKC; browsers and many
// back ends perform the same folding, so detectors must see the folded form.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control bytes is the point
const NON_ASCII = /[^\x00-\x7f]/;
// NUL and other C0 controls (except tab, LF, CR) are used to split keywords; drop them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control bytes is the point
const CONTROL_CHARS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]+/g;
const WHITESPACE_RUN = /[\s\u00a0\u180e\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;
const SLASH_RUN = /\/{2,}/g;
const UNICODE_SLASHES = /[\u2215\u2216\u29f5\u29f8\u29f9]/g;
const SELF_SEGMENT = /\/(?:\.\/)+/g;

export function foldUnicode(input: string): string {
  return NON_ASCII.test(input) ? input.normalize("NFKC") : input;
}

export function removeControlChars(input: string): string {
  return input.replace(CONTROL_CHARS, "");
}

/** Characters `toLowerCase` can change: ASCII capitals and anything outside ASCII. */
const MAY_CHANGE_CASE = /[A-Z\u0080-\uffff]/;

/** `toLowerCase` without the copy it makes of a string that is lower-case already (most values are). */
export function lowerCase(input: string): string {
  return MAY_CHANGE_CASE.test(input) ? input.toLowerCase() : input;
}

// Whitespace that compression would change: anything but a single plain space (prose is mostly that,
// and rewriting it would copy the string for nothing). `\s` covers every class member but two.
const UNCOMPRESSED = /[^\S ]|[\u180e\u200b]| {2}/;

export function compressWhitespace(input: string): string {
  return UNCOMPRESSED.test(input) ? input.replace(WHITESPACE_RUN, " ") : input;
}

/** Backslashes become slashes, `//` collapses and `/./` disappears; `..` is kept for the traversal rules. */
export function normalizePath(input: string): string {
  // IIS "best fit" maps the set-minus and division-slash characters to path separators.
  let out = NON_ASCII.test(input) ? input.replace(UNICODE_SLASHES, "/") : input;
  out = out.indexOf("\\") >= 0 ? out.replaceAll("\\", "/") : out;
  if (out.indexOf("//") >= 0) out = out.replace(SLASH_RUN, "/");
  if (out.indexOf("/./") >= 0) out = out.replace(SELF_SEGMENT, "/");
  return out;
}

export const NORMALIZE_PATTERNS: readonly RegExp[] = [
  NON_ASCII,
  CONTROL_CHARS,
  WHITESPACE_RUN,
  UNCOMPRESSED,
  MAY_CHANGE_CASE,
  SLASH_RUN,
  SELF_SEGMENT,
  UNICODE_SLASHES,
];
