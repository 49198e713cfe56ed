import { lowerCase } from "../transform/normalize.ts";
import {
  CLAUSE_WORDS,
  LOGIC_WORDS,
  OPERATOR_WORDS,
  SET_OPERATOR_WORDS,
  STATEMENT_WORDS,
} from "./keywords.ts";

/**
 * Token classes, in the spirit of libinjection's fingerprints:
 * s string, 1 number, n bareword, k clause keyword, E statement keyword, U set operator (union),
 * & logic operator, o operator, f function call (word directly before `(`), v variable (`@x`, `@@x`),
 * c comment, ( ) , ; punctuation, ` ` nothing else.
 */
export type TokenType =
  | "s"
  | "1"
  | "n"
  | "k"
  | "E"
  | "U"
  | "&"
  | "o"
  | "f"
  | "v"
  | "c"
  | "("
  | ")"
  | ","
  | ";"
  | "?";

export type Token = {
  type: TokenType;
  /** Lower-cased word, operator or string body. */
  text: string;
  /** For `f`: whether `(` followed without whitespace. For `s`: whether the closing quote was seen. */
  tight: boolean;
};

const MAX_TOKENS = 64;
const NOT_FUNCTIONS = new Set([
  "exec",
  "execute",
  "declare",
  "waitfor",
  "union",
  "select",
  "from",
  "where",
  "when",
  "then",
]);

const BRACKET_IDENTIFIER = /^[\w$ .]+$/;
const NUMBER_GLUED_TO_WORD = /^(\d+(?:\.\d*)?(?:e\d+)?)([a-df-wyz_].*)$/;
const HEX_DIGITS = /^[0-9a-f]+$/;
const STRING_PREFIX = /^(?:n|x|b|e|_\w+)$/;

export const TOKENIZER_PATTERNS: readonly RegExp[] = [
  BRACKET_IDENTIFIER,
  NUMBER_GLUED_TO_WORD,
  HEX_DIGITS,
  STRING_PREFIX,
];

function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 36 ||
    code === 46 ||
    code > 127
  );
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSpace(code: number): boolean {
  return (
    code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12 || code === 160
  );
}

const TWO_CHAR_OPERATORS = new Set([
  "<=",
  ">=",
  "<>",
  "!=",
  "==",
  "||",
  "&&",
  "::",
  "->",
  ":=",
  "<<",
  ">>",
  "@>",
  "<@",
  "?|",
  "?&",
  "#>",
  "!<",
  "!>",
  "^=",
  "|=",
  "&=",
  "+=",
  "-=",
  "*=",
  "/=",
]);
const THREE_CHAR_OPERATORS = new Set(["<=>", "->>", "#>>", "#-"]);

/**
 * Tokenizes `input` as SQL. `startQuote` simulates the value being pasted inside a quoted literal:
 * the text up to the first matching quote is then one string token, and what follows is what the
 * attacker managed to inject after breaking out.
 */
export function tokenizeSql(input: string, startQuote: "" | "'" | '"' | "`" = ""): Token[] {
  return tokenizeSqlShared(input, startQuote).map((token) => ({ ...token }));
}

// The WAF tokenizes most values of a request that show SQL punctuation, up to 64 tokens each: the token
// objects are kept per isolate and refilled on every call instead of allocated (ADR 0107).
const sharedTokens: Token[] = [];
const tokenPool: Token[] = [];

/**
 * `tokenizeSql` without copying: the tokens belong to the tokenizer and are overwritten by its next
 * call, so read them before tokenizing anything else. Inspection is synchronous, which makes this safe.
 */
export function tokenizeSqlShared(input: string, startQuote: "" | "'" | '"' | "`" = ""): readonly Token[] {
  const tokens = sharedTokens;
  tokens.length = 0;
  const emit = (type: TokenType, text: string, tight: boolean) => {
    let token = tokenPool[tokens.length];
    if (token === undefined) {
      token = { type, text, tight };
      tokenPool.push(token);
    } else {
      token.type = type;
      token.text = text;
      token.tight = tight;
    }
    tokens.push(token);
  };
  const n = input.length;
  let i = 0;
  // Words are lower-cased. Lower-casing the input once (when it has anything to lower) and slicing that
  // costs one string instead of two per word; `toLowerCase` copies even an unchanged string. Only while
  // no character changed length are the two strings' positions the same.
  const loweredInput = lowerCase(input);
  const aligned = loweredInput.length === n;
  const lowerSlice = (from: number, to: number) =>
    aligned ? loweredInput.slice(from, to) : input.slice(from, to).toLowerCase();
  if (startQuote === "`") {
    // Inside a quoted identifier: the prefix up to the closing backtick is the name.
    const end = input.indexOf("`");
    emit("s", input.slice(0, end < 0 ? n : end), end >= 0);
    i = end < 0 ? n : end + 1;
  } else if (startQuote !== "") {
    const end = findStringEnd(input, 0, startQuote);
    emit("s", input.slice(0, end < 0 ? n : end), end >= 0);
    i = end < 0 ? n : end + 1;
  }
  while (i < n && tokens.length < MAX_TOKENS) {
    const code = input.charCodeAt(i);
    const ch = input[i] as string;
    if (isSpace(code)) {
      i++;
      continue;
    }
    if (ch === "'" || ch === '"') {
      const end = findStringEnd(input, i + 1, ch);
      emit("s", input.slice(i + 1, end < 0 ? n : end), end >= 0);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (ch === "`" || ch === "[") {
      // Quoted identifiers (MySQL backticks, T-SQL brackets).
      const close = input.indexOf(ch === "`" ? "`" : "]", i + 1);
      const end = close < 0 ? n : close;
      const word = lowerSlice(i + 1, end);
      if (ch === "[" && (word === "" || !BRACKET_IDENTIFIER.test(word))) {
        emit("o", "[", false);
        i++;
        continue;
      }
      // `tight` marks a quoted identifier: prose never quotes names this way.
      emit("n", word, true);
      i = close < 0 ? n : close + 1;
      continue;
    }
    if (ch === "/" && input[i + 1] === "*" && input[i + 2] === "!") {
      // MySQL executes the body of `/*!50000 ... */`: mark the comment, then keep tokenizing inside.
      emit("c", "/*!", true);
      i += 3;
      while (i < n && isDigit(input.charCodeAt(i))) i++;
      continue;
    }
    if (ch === "*" && input[i + 1] === "/") {
      i += 2;
      continue;
    }
    if (ch === "/" && input[i + 1] === "*") {
      const close = input.indexOf("*/", i + 2);
      emit("c", "/*", close >= 0);
      i = close < 0 ? n : close + 2;
      continue;
    }
    if ((ch === "-" && input[i + 1] === "-") || ch === "#") {
      if (ch === "#" && (input[i + 1] === ">" || input[i + 1] === "-")) {
        const op = input.startsWith("#>>", i) ? "#>>" : input.slice(i, i + 2);
        emit("o", op, false);
        i += op.length;
        continue;
      }
      const newline = input.indexOf("\n", i);
      emit("c", ch === "#" ? "#" : "--", false);
      i = newline < 0 ? n : newline + 1;
      continue;
    }
    if (ch === "(" || ch === ")" || ch === "," || ch === ";") {
      emit(ch, ch, false);
      i++;
      continue;
    }
    if (ch === "@") {
      let j = i + 1;
      if (input[j] === "@") j++;
      const start = j;
      while (j < n && isWordChar(input.charCodeAt(j))) j++;
      if (j > start) {
        emit("v", lowerSlice(i, j), false);
        i = j;
        continue;
      }
    }
    if (isDigit(code) || (ch === "." && isDigit(input.charCodeAt(i + 1)))) {
      let j = i + 1;
      if (ch === "0" && (input[j] === "x" || input[j] === "X" || input[j] === "b" || input[j] === "B")) j++;
      while (j < n && isWordChar(input.charCodeAt(j)) && input[j] !== "$") j++;
      const text = lowerSlice(i, j);
      // `1union`, `1e1union` — MySQL splits a number glued to a keyword.
      const glued = NUMBER_GLUED_TO_WORD.exec(text);
      if (glued && glued[2] !== undefined && !HEX_DIGITS.test(text)) {
        emit("1", glued[1] as string, false);
        i += (glued[1] as string).length;
        continue;
      }
      emit("1", text, false);
      i = j;
      continue;
    }
    if (isWordChar(code)) {
      let j = i + 1;
      while (j < n && isWordChar(input.charCodeAt(j))) j++;
      // A trailing dot belongs to punctuation, not to the word.
      while (j > i + 1 && input[j - 1] === ".") j--;
      const word = lowerSlice(i, j);
      i = j;
      // Prefixed strings: N'..', _utf8'..', x'..', b'..', E'..'
      const next = input[i];
      if ((next === "'" || next === '"') && STRING_PREFIX.test(word)) continue;
      let k = i;
      while (k < n && isSpace(input.charCodeAt(k))) k++;
      // Operators and EXEC keep their class before `(` (`like(`, `and(1=1)`, `exec(@x)`).
      if (
        input[k] === "(" &&
        !NOT_FUNCTIONS.has(word) &&
        !LOGIC_WORDS.has(word) &&
        !OPERATOR_WORDS.has(word)
      ) {
        emit("f", word, k === i);
        continue;
      }
      emit(classifyWord(word), word, false);
      continue;
    }
    // Operators
    const three = input.slice(i, i + 3);
    const two = input.slice(i, i + 2);
    if (THREE_CHAR_OPERATORS.has(three)) {
      emit("o", three, false);
      i += 3;
      continue;
    }
    if (TWO_CHAR_OPERATORS.has(two)) {
      emit(two === "||" || two === "&&" ? "&" : "o", two, false);
      i += 2;
      continue;
    }
    if ("=<>!+-*/%^|&~:?\\.{}]".includes(ch)) {
      emit(ch === "?" ? "?" : "o", ch, false);
      i++;
      continue;
    }
    // Anything else (letters of other scripts are word chars above) is noise to SQL.
    emit("o", ch, false);
    i++;
  }
  return tokens;
}

function findStringEnd(input: string, from: number, quote: string): number {
  let i = from;
  while (i < input.length) {
    const next = input.indexOf(quote, i);
    if (next < 0) return -1;
    // Backslash escapes (MySQL) and doubled quotes (standard SQL) do not end the string.
    let slashes = 0;
    for (let k = next - 1; k >= from && input[k] === "\\"; k--) slashes++;
    if (slashes % 2 === 1) {
      i = next + 1;
      continue;
    }
    if (input[next + 1] === quote) {
      i = next + 2;
      continue;
    }
    return next;
  }
  return -1;
}

function classifyWord(word: string): TokenType {
  if (LOGIC_WORDS.has(word)) return "&";
  if (SET_OPERATOR_WORDS.has(word)) return "U";
  if (STATEMENT_WORDS.has(word)) return "E";
  if (OPERATOR_WORDS.has(word)) return "o";
  if (CLAUSE_WORDS.has(word)) return "k";
  return "n";
}
