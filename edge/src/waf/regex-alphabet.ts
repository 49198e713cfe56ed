// Decides, conservatively, whether a regular expression can match anything inside a value written in a
// small alphabet (letters, digits, `_ . : -`: identifiers, enums, amounts, timestamps, UUIDs). When it
// cannot, a rule made of that expression is skipped for such values without changing any verdict.
//
// The pattern's structure (alternatives, groups, quantifiers) is parsed here; what a single atom
// (a literal, an escape, a class, `.`) accepts is asked of the regular-expression engine itself, one
// character of the alphabet at a time, so flags and escapes keep their exact meaning. Anything the
// parser does not know — backreferences, lookarounds, the `v` flag, syntax errors — counts as "can
// match", so mistakes only cost speed.

const CAN_MATCH = true;

type Parser = { source: string; index: number; flags: string; alphabet: readonly string[] };

function atomAccepts(parser: Parser, atom: string): boolean {
  let single: RegExp;
  try {
    single = new RegExp(`^(?:${atom})$`, parser.flags.replace(/[gy]/g, ""));
  } catch {
    return CAN_MATCH;
  }
  return parser.alphabet.some((ch) => single.test(ch));
}

function readEscape(parser: Parser): string {
  const { source } = parser;
  const start = parser.index;
  parser.index += 2;
  const kind = source[start + 1] ?? "";
  if (kind === "x") parser.index += 2;
  else if (kind === "u") {
    if (source[parser.index] === "{") parser.index = source.indexOf("}", parser.index) + 1;
    else parser.index += 4;
  } else if (kind === "c") parser.index += 1;
  else if (kind === "p" || kind === "P") parser.index = source.indexOf("}", parser.index) + 1;
  return source.slice(start, parser.index);
}

function readClass(parser: Parser): string {
  const { source } = parser;
  const start = parser.index;
  parser.index++;
  while (parser.index < source.length && source[parser.index] !== "]") {
    if (source[parser.index] === "\\") parser.index += 2;
    else parser.index++;
  }
  parser.index++;
  return source.slice(start, parser.index);
}

/** Returns [can the atom match inside the alphabet, can it match only the empty string]. */
function parseAtom(parser: Parser): boolean {
  const { source } = parser;
  const ch = source[parser.index];
  if (ch === "(") {
    let lookaround = false;
    parser.index++;
    if (source.startsWith("?:", parser.index)) parser.index += 2;
    else if (source.startsWith("?=", parser.index) || source.startsWith("?!", parser.index)) {
      parser.index += 2;
      lookaround = true;
    } else if (source.startsWith("?<=", parser.index) || source.startsWith("?<!", parser.index)) {
      parser.index += 3;
      lookaround = true;
    } else if (source.startsWith("?<", parser.index)) {
      parser.index = source.indexOf(">", parser.index) + 1;
    }
    const inner = parseAlternatives(parser);
    if (source[parser.index] !== ")") throw new Error("unbalanced group");
    parser.index++;
    // A lookaround consumes nothing; whether it holds is not worked out.
    return lookaround ? CAN_MATCH : inner;
  }
  if (ch === "[") return atomAccepts(parser, readClass(parser));
  if (ch === "\\") {
    const next = source[parser.index + 1] ?? "";
    if (next === "b" || next === "B") {
      parser.index += 2;
      return CAN_MATCH;
    }
    // Backreferences (`\1`, `\k<name>`) repeat whatever their group matched.
    if (/[1-9k]/.test(next)) throw new Error("backreference");
    return atomAccepts(parser, readEscape(parser));
  }
  if (ch === "^" || ch === "$") {
    parser.index++;
    return CAN_MATCH;
  }
  parser.index++;
  return atomAccepts(parser, ch === "." ? "." : (ch ?? ""));
}

/** Skips a quantifier after an atom and returns its minimum count (1 when there is none). */
function parseQuantifier(parser: Parser): number {
  const { source } = parser;
  const ch = source[parser.index];
  let min = 1;
  if (ch === "*" || ch === "?") {
    min = 0;
    parser.index++;
  } else if (ch === "+") parser.index++;
  else if (ch === "{") {
    const close = source.indexOf("}", parser.index);
    const body = close < 0 ? "" : source.slice(parser.index + 1, close);
    if (!/^\d+(?:,\d*)?$/.test(body)) return 1;
    min = Number(body.split(",")[0]);
    parser.index = close + 1;
  } else return 1;
  if (source[parser.index] === "?") parser.index++;
  return min;
}

function parseSequence(parser: Parser): boolean {
  const { source } = parser;
  let all = true;
  while (parser.index < source.length && source[parser.index] !== "|" && source[parser.index] !== ")") {
    const atom = parseAtom(parser);
    const min = parseQuantifier(parser);
    if (min > 0 && !atom) all = false;
  }
  return all;
}

function parseAlternatives(parser: Parser): boolean {
  let any = parseSequence(parser);
  while (parser.source[parser.index] === "|") {
    parser.index++;
    if (parseSequence(parser)) any = true;
  }
  return any;
}

/**
 * Whether `pattern` can match somewhere in a string made only of `alphabet`'s characters. False is a
 * proof (up to the parser knowing the syntax); true may be a false alarm.
 */
export function canMatchWithin(pattern: RegExp, alphabet: readonly string[]): boolean {
  if (pattern.flags.includes("v")) return CAN_MATCH;
  const parser: Parser = { source: pattern.source, index: 0, flags: pattern.flags, alphabet };
  try {
    const result = parseAlternatives(parser);
    return parser.index === pattern.source.length ? result : CAN_MATCH;
  } catch {
    return CAN_MATCH;
  }
}
