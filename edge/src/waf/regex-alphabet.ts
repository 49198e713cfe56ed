// Decides, conservatively, whether a regular expression can match anything inside a value written in a
// small alphabet (letters, digits, `_ . : -`: identifiers, enums, amounts, timestamps, UUIDs; or the
// letters, digits and inert punctuation a value actually contains). When it cannot, a rule made of
// that expression is skipped for such values without changing any verdict.
//
// The pattern's structure (alternatives, groups, quantifiers) is parsed once into a proof; what a
// single atom (a literal, an escape, a class, `.`) accepts is asked of the regular-expression engine
// itself, one ASCII character at a time, so flags and escapes keep their exact meaning. The proof then
// answers for any ASCII alphabet with a few bitwise operations. Anything the parser does not know —
// backreferences, lookarounds, the `v` flag, syntax errors — counts as "can match", so mistakes only
// cost speed.

/** A set of ASCII characters: bit `code & 31` of word `code >> 5`. */
export type CharSet = Int32Array;

/** Whether the expression can match somewhere in a string written only in the set's characters. */
export type AlphabetProof = (alphabet: CharSet) => boolean;

const CAN_MATCH: AlphabetProof = () => true;

export function charSetOf(characters: Iterable<string>): CharSet {
  const set = new Int32Array(4);
  for (const character of characters) {
    const code = character.charCodeAt(0);
    if (character.length === 1 && code < 128)
      set[code >> 5] = (set[code >> 5] as number) | (1 << (code & 31));
  }
  return set;
}

function intersects(a: CharSet, b: CharSet): boolean {
  return (
    ((a[0] as number) & (b[0] as number)) !== 0 ||
    ((a[1] as number) & (b[1] as number)) !== 0 ||
    ((a[2] as number) & (b[2] as number)) !== 0 ||
    ((a[3] as number) & (b[3] as number)) !== 0
  );
}

type Parser = { source: string; index: number; flags: string };

function atomProof(parser: Parser, atom: string): AlphabetProof {
  let single: RegExp;
  try {
    single = new RegExp(`^(?:${atom})$`, parser.flags.replace(/[gy]/g, ""));
  } catch {
    return CAN_MATCH;
  }
  const accepted = new Int32Array(4);
  for (let code = 0; code < 128; code++) {
    if (single.test(String.fromCharCode(code)))
      accepted[code >> 5] = (accepted[code >> 5] as number) | (1 << (code & 31));
  }
  return (alphabet) => intersects(accepted, alphabet);
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

/** What the parse learns of a piece of a pattern: its alphabet proof and its shortest match. */
type Facts = { proof: AlphabetProof; minLength: number };

/** Matches nothing or an unknown amount: no proof against any alphabet, no length. */
const ZERO_WIDTH: Facts = { proof: CAN_MATCH, minLength: 0 };

function parseAtom(parser: Parser): Facts {
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
    return lookaround ? ZERO_WIDTH : inner;
  }
  if (ch === "[") return { proof: atomProof(parser, readClass(parser)), minLength: 1 };
  if (ch === "\\") {
    const next = source[parser.index + 1] ?? "";
    if (next === "b" || next === "B") {
      parser.index += 2;
      return ZERO_WIDTH;
    }
    // Backreferences (`\1`, `\k<name>`) repeat whatever their group matched.
    if (/[1-9k]/.test(next)) throw new Error("backreference");
    return { proof: atomProof(parser, readEscape(parser)), minLength: 1 };
  }
  if (ch === "^" || ch === "$") {
    parser.index++;
    return ZERO_WIDTH;
  }
  parser.index++;
  return { proof: atomProof(parser, ch === "." ? "." : (ch ?? "")), minLength: 1 };
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

/**
 * A sequence can match only if every atom it must repeat at least once can; its shortest match is the
 * sum of theirs.
 */
function parseSequence(parser: Parser): Facts {
  const { source } = parser;
  const required: AlphabetProof[] = [];
  let minLength = 0;
  while (parser.index < source.length && source[parser.index] !== "|" && source[parser.index] !== ")") {
    const atom = parseAtom(parser);
    const min = parseQuantifier(parser);
    minLength += atom.minLength * min;
    if (min > 0 && atom.proof !== CAN_MATCH) required.push(atom.proof);
  }
  if (required.length === 0) return { proof: CAN_MATCH, minLength };
  if (required.length === 1) return { proof: required[0] as AlphabetProof, minLength };
  return {
    proof: (alphabet) => {
      for (const atom of required) if (!atom(alphabet)) return false;
      return true;
    },
    minLength,
  };
}

function parseAlternatives(parser: Parser): Facts {
  const alternatives = [parseSequence(parser)];
  while (parser.source[parser.index] === "|") {
    parser.index++;
    alternatives.push(parseSequence(parser));
  }
  const minLength = Math.min(...alternatives.map((alternative) => alternative.minLength));
  const proofs = alternatives.map((alternative) => alternative.proof);
  if (proofs.includes(CAN_MATCH)) return { proof: CAN_MATCH, minLength };
  if (proofs.length === 1) return { proof: proofs[0] as AlphabetProof, minLength };
  return {
    proof: (alphabet) => {
      for (const proof of proofs) if (proof(alphabet)) return true;
      return false;
    },
    minLength,
  };
}

const parsed = new WeakMap<RegExp, Facts>();

/** The pattern's facts, parsed on first use and kept for the isolate's lifetime. */
function factsOf(pattern: RegExp): Facts {
  let facts = parsed.get(pattern);
  if (facts === undefined) {
    facts = ZERO_WIDTH;
    if (!pattern.flags.includes("v")) {
      const parser: Parser = { source: pattern.source, index: 0, flags: pattern.flags };
      try {
        const whole = parseAlternatives(parser);
        if (parser.index === pattern.source.length) facts = whole;
      } catch {
        facts = ZERO_WIDTH;
      }
    }
    parsed.set(pattern, facts);
  }
  return facts;
}

/** The pattern's proof: whether it can match inside a given alphabet. */
export function alphabetProofOf(pattern: RegExp): AlphabetProof {
  return factsOf(pattern).proof;
}

/**
 * Whether `pattern` can match somewhere in a string made only of `alphabet`'s characters (ASCII). False
 * is a proof (up to the parser knowing the syntax); true may be a false alarm.
 */
export function canMatchWithin(pattern: RegExp, alphabet: readonly string[] | CharSet): boolean {
  return alphabetProofOf(pattern)(alphabet instanceof Int32Array ? alphabet : charSetOf(alphabet));
}

/**
 * A lower bound on the length, in UTF-16 code units, of any match of `pattern` (0 when the parser is
 * unsure): a value shorter than that, and every view of it when no pipeline can lengthen it, cannot
 * match.
 */
export function minimumMatchLength(pattern: RegExp): number {
  return factsOf(pattern).minLength;
}
