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

function parseAtom(parser: Parser): AlphabetProof {
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
  if (ch === "[") return atomProof(parser, readClass(parser));
  if (ch === "\\") {
    const next = source[parser.index + 1] ?? "";
    if (next === "b" || next === "B") {
      parser.index += 2;
      return CAN_MATCH;
    }
    // Backreferences (`\1`, `\k<name>`) repeat whatever their group matched.
    if (/[1-9k]/.test(next)) throw new Error("backreference");
    return atomProof(parser, readEscape(parser));
  }
  if (ch === "^" || ch === "$") {
    parser.index++;
    return CAN_MATCH;
  }
  parser.index++;
  return atomProof(parser, ch === "." ? "." : (ch ?? ""));
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

/** A sequence can match only if every atom it must repeat at least once can. */
function parseSequence(parser: Parser): AlphabetProof {
  const { source } = parser;
  const required: AlphabetProof[] = [];
  while (parser.index < source.length && source[parser.index] !== "|" && source[parser.index] !== ")") {
    const atom = parseAtom(parser);
    const min = parseQuantifier(parser);
    if (min > 0 && atom !== CAN_MATCH) required.push(atom);
  }
  if (required.length === 0) return CAN_MATCH;
  if (required.length === 1) return required[0] as AlphabetProof;
  return (alphabet) => {
    for (const atom of required) if (!atom(alphabet)) return false;
    return true;
  };
}

function parseAlternatives(parser: Parser): AlphabetProof {
  const alternatives = [parseSequence(parser)];
  while (parser.source[parser.index] === "|") {
    parser.index++;
    alternatives.push(parseSequence(parser));
  }
  if (alternatives.includes(CAN_MATCH)) return CAN_MATCH;
  if (alternatives.length === 1) return alternatives[0] as AlphabetProof;
  return (alphabet) => {
    for (const alternative of alternatives) if (alternative(alphabet)) return true;
    return false;
  };
}

const proofs = new WeakMap<RegExp, AlphabetProof>();

/** The pattern's proof, parsed on first use and kept for the isolate's lifetime. */
export function alphabetProofOf(pattern: RegExp): AlphabetProof {
  let proof = proofs.get(pattern);
  if (proof === undefined) {
    proof = CAN_MATCH;
    if (!pattern.flags.includes("v")) {
      const parser: Parser = { source: pattern.source, index: 0, flags: pattern.flags };
      try {
        const parsed = parseAlternatives(parser);
        if (parser.index === pattern.source.length) proof = parsed;
      } catch {
        proof = CAN_MATCH;
      }
    }
    proofs.set(pattern, proof);
  }
  return proof;
}

/**
 * Whether `pattern` can match somewhere in a string made only of `alphabet`'s characters (ASCII). False
 * is a proof (up to the parser knowing the syntax); true may be a false alarm.
 */
export function canMatchWithin(pattern: RegExp, alphabet: readonly string[] | CharSet): boolean {
  return alphabetProofOf(pattern)(alphabet instanceof Int32Array ? alphabet : charSetOf(alphabet));
}

// The shortest string a pattern can match, in UTF-16 code units: a value shorter than that (and every
// view of it, when no pipeline can lengthen it) cannot match. Zero when unsure.

function atomLength(parser: Parser): number {
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
    const inner = alternativesLength(parser);
    if (source[parser.index] !== ")") throw new Error("unbalanced group");
    parser.index++;
    return lookaround ? 0 : inner;
  }
  if (ch === "[") {
    readClass(parser);
    return 1;
  }
  if (ch === "\\") {
    const next = source[parser.index + 1] ?? "";
    if (next === "b" || next === "B") {
      parser.index += 2;
      return 0;
    }
    if (/[1-9k]/.test(next)) throw new Error("backreference");
    readEscape(parser);
    return 1;
  }
  parser.index++;
  return ch === "^" || ch === "$" ? 0 : 1;
}

function sequenceLength(parser: Parser): number {
  const { source } = parser;
  let length = 0;
  while (parser.index < source.length && source[parser.index] !== "|" && source[parser.index] !== ")") {
    const atom = atomLength(parser);
    length += atom * parseQuantifier(parser);
  }
  return length;
}

function alternativesLength(parser: Parser): number {
  let shortest = sequenceLength(parser);
  while (parser.source[parser.index] === "|") {
    parser.index++;
    shortest = Math.min(shortest, sequenceLength(parser));
  }
  return shortest;
}

const minimumLengths = new WeakMap<RegExp, number>();

/** A lower bound on the length of any match of `pattern` (0 when the parser is unsure). */
export function minimumMatchLength(pattern: RegExp): number {
  let length = minimumLengths.get(pattern);
  if (length === undefined) {
    length = 0;
    if (!pattern.flags.includes("v")) {
      const parser: Parser = { source: pattern.source, index: 0, flags: pattern.flags };
      try {
        const parsed = alternativesLength(parser);
        if (parser.index === pattern.source.length) length = parsed;
      } catch {
        length = 0;
      }
    }
    minimumLengths.set(pattern, length);
  }
  return length;
}
