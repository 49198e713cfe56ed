import { CAST_TYPES, DISTINCTIVE_SQL_WORDS, PROSE_FUNCTION_NAMES, SQL_ONLY_FUNCTIONS } from "./keywords.ts";
import { type Token, type TokenType, tokenizeSqlShared } from "./tokenize.ts";

/**
 * Decides whether a value is SQL injection by tokenizing it three ways (as a bare value, and as if
 * pasted inside a '…' or "…" literal) and looking for token sequences that only make sense as SQL:
 * a quote break followed by SQL, a tautology, a second statement, UNION SELECT, SQL-only functions,
 * catalog access. Returns a short reason for the log, or null.
 */
export function detectSqlInjection(input: string): string | null {
  if (input.length < 2) return null;
  // Most values (ids, names, amounts, prose) carry neither SQL punctuation nor a statement word;
  // they cannot form any of the sequences below, so skip tokenizing them.
  if (!SQL_PUNCTUATION.test(input) && !SQL_STATEMENT_WORD.test(input)) return null;
  const contexts: ("" | "'" | '"' | "`")[] = [""];
  if (input.includes("'") && !opensWithDocument(input, "'")) contexts.push("'");
  if (input.includes('"') && !opensWithDocument(input, '"')) contexts.push('"');
  // A backtick break closes an identifier (`name`); text before the first backtick that has spaces is
  // prose opening a Markdown code span ("The query `SELECT …` is wrong").
  const backtick = input.indexOf("`");
  if (backtick >= 0 && !/\s/.test(input.slice(0, backtick).trim())) contexts.push("`");
  for (const context of contexts) {
    const tokens = tokenizeSqlShared(input, context);
    const reason = analyse(tokens, context !== "");
    if (reason !== null) return reason;
  }
  return null;
}

/**
 * Read as if pasted inside a literal, the text before the first quote is the value the application
 * expected and the quote is the break. When that text is already several lines of prose (articles,
 * pronouns), the value is a document — an article or a support message quoting SQL — and its quotes
 * are quotation marks; the plain reading still applies to it.
 */
function opensWithDocument(input: string, quote: string): boolean {
  const prefix = input.slice(0, input.indexOf(quote));
  if (!LINE_BREAK.test(prefix)) return false;
  let proseWords = 0;
  for (const word of prefix.toLowerCase().split(NON_WORD)) {
    if (PROSE_WORDS.has(word) && ++proseWords >= 3) return true;
  }
  return false;
}

const LINE_BREAK = /[\r\n]/;
const NON_WORD = /[^a-z]+/;
const WORD_OPERATOR = /^[a-z]/;
const SQL_PUNCTUATION = /['"`();=<>|&#*!~^\\]|--|\/\*|@@|(?:^|\s)@|::/;
const SQL_STATEMENT_WORD =
  /\b(?:union|select|exec|execute|waitfor|having|order|group|case|declare|shutdown|drop|insert|delete|update|truncate|alter|create|replace|into|xp_\w|sp_\w|pg_\w|load_file|sleep|benchmark|information_schema|sysobjects|mysql\.|(?:and|or|xor)\s+[\d(])/i;
const SYMBOLIC_COMPARISON = new Set(["=", "==", "<", ">", "<=", ">=", "<>", "!=", "<=>", "!<", "!>"]);
const BREAK_OPERATORS = new Set([
  ...SYMBOLIC_COMPARISON,
  "||",
  "+",
  "-",
  "*",
  "/",
  "%",
  "&",
  "|",
  "^",
  "::",
  "like",
  "rlike",
  "regexp",
  "is",
  "in",
  "between",
  "sounds",
  "div",
  "mod",
  "collate",
  "->",
  "->>",
  "#>",
  "#>>",
  "@>",
  "<@",
]);
const EXEC_TARGET = /^(?:xp_|sp_|master\b|dbo\b)/;
export const DETECT_PATTERNS: readonly RegExp[] = [
  LINE_BREAK,
  NON_WORD,
  WORD_OPERATOR,
  EXEC_TARGET,
  SQL_PUNCTUATION,
  SQL_STATEMENT_WORD,
];

const OPERAND: ReadonlySet<TokenType> = new Set(["s", "1", "n", "v", "f"]);
const COMPARISON = new Set([
  "=",
  "==",
  "<",
  ">",
  "<=",
  ">=",
  "<>",
  "!=",
  "<=>",
  "like",
  "rlike",
  "regexp",
  "ilike",
  "is",
  "in",
  "between",
  "glob",
  "sounds",
  "similar",
  "!<",
  "!>",
  "match",
]);
const PROSE_WORDS = new Set([
  "the",
  "a",
  "an",
  "your",
  "my",
  "our",
  "their",
  "his",
  "her",
  "this",
  "that",
  "these",
  "those",
  "which",
  "it",
  "what",
  "i",
  "you",
  "we",
  "they",
  "me",
  "to",
  "of",
  "please",
  "and",
  "or",
  "is",
  "are",
  "was",
]);
const STACKABLE: Record<string, (next: Token | undefined, after: Token | undefined) => boolean> = {
  select: (next) =>
    next !== undefined && next.type !== "n" ? true : next !== undefined && !PROSE_WORDS.has(next.text),
  insert: (next) => next?.text === "into",
  update: (next, after) => next?.type === "n" && after?.text === "set",
  delete: (next) => next?.text === "from",
  drop: (next) =>
    next !== undefined &&
    ["table", "database", "schema", "procedure", "function", "view", "index", "trigger", "user"].includes(
      next.text,
    ),
  create: (next) =>
    next !== undefined &&
    ["table", "database", "schema", "procedure", "function", "view", "index", "trigger", "user"].includes(
      next.text,
    ),
  alter: (next) => next !== undefined && ["table", "database", "schema", "user", "login"].includes(next.text),
  truncate: (next) => next?.text === "table" || next?.type === "n",
  exec: (next) => next !== undefined && (next.type !== "n" || EXEC_TARGET.test(next.text) || next.tight),
  execute: (next) => next !== undefined && (next.type !== "n" || EXEC_TARGET.test(next.text) || next.tight),
  declare: (next) => next?.type === "v",
  shutdown: () => true,
  waitfor: (next) => next?.text === "delay" || next?.text === "time",
  grant: (next) => next !== undefined,
  set: (next) => next?.type === "v",
  call: (next) => next?.type === "f",
  load: (next) => next?.text === "data",
  copy: (next) => next?.type === "n" || next?.type === "(",
  pragma: (next) => next !== undefined,
  attach: (next) => next?.text === "database",
  use: (next, after) => next?.type === "n" && after === undefined,
  show: (next) =>
    next !== undefined && ["tables", "databases", "columns", "grants", "variables"].includes(next.text),
  handler: (next) => next?.type === "n",
  begin: (next) => next?.type === "&" || next?.text === "declare",
  replace: (next) => next?.type === "n" || next?.text === "into",
};

function isFunctionCall(token: Token, tokens?: readonly Token[], index?: number): boolean {
  if (token.type !== "f") return false;
  if (!SQL_ONLY_FUNCTIONS.has(token.text)) return false;
  if (!PROSE_FUNCTION_NAMES.has(token.text)) return true;
  if (tokens === undefined || index === undefined) return token.tight;
  // A value that stops right after `name (` is truncated code, never a sentence.
  if (!token.tight) return index + 2 === tokens.length;
  // `user(s)`, `sum(3 bets)` are prose; `user()`, `count(*)`, `left(name,1)`, `char(65)` and a
  // truncated `mid(` are code.
  const first = tokens[index + 2];
  if (first === undefined || first.type === ")") return true;
  if (first.type === "n") {
    const after = tokens[index + 3];
    if (after?.type === ")") return tokens[index + 4]?.type === "o";
    // `user(id: 1)` is GraphQL, not SQL: a colon is no SQL operator.
    return after !== undefined && (after.type === "," || (after.type === "o" && after.text !== ":"));
  }
  if (first.type === "1") {
    const after = tokens[index + 3];
    return after === undefined || after.type === ")" || after.type === "," || after.type === "o";
  }
  return (
    first.type === "s" || first.type === "v" || first.type === "f" || first.type === "E" || first.text === "*"
  );
}

function isOperand(token: Token | undefined): boolean {
  return (
    token !== undefined &&
    (OPERAND.has(token.type) ||
      token.type === "(" ||
      (token.type === "k" && (token.text === "null" || token.text === "true" || token.text === "false")))
  );
}

/** Skips a cast (`::jsonb`) or a function's argument list so an operand reads as one unit. */
function endOfOperand(tokens: readonly Token[], index: number): number {
  let i = index;
  const first = tokens[i];
  if (first?.type === "f" || first?.type === "(") {
    let depth = 0;
    if (first.type === "f") i++;
    for (; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (t.type === "(") depth++;
      else if (t.type === ")") {
        depth--;
        if (depth <= 0) break;
      }
    }
  }
  i++;
  while (tokens[i]?.text === "::" && tokens[i + 1] !== undefined) i += 2;
  return i;
}

function isTautologyAt(tokens: readonly Token[], index: number): boolean {
  // `<logic> A <op> B` — the operator may be a comparison or, with literal operands, arithmetic or JSON.
  const left = tokens[index];
  if (!isOperand(left)) return false;
  const opIndex = endOfOperand(tokens, index);
  const op = tokens[opIndex];
  const right = tokens[opIndex + 1];
  if (op === undefined) {
    // `or 1` / `or true` at the end of the value: a boolean short-circuit.
    if (tokens[index - 1]?.text === "not") return false;
    // `1 or 1` as the whole value is a probe; "choose 1 or 2" in a sentence is not.
    if (index > 2) return false;
    return left?.type === "1" || left?.text === "true" || (left?.type === "f" && isFunctionCall(left));
  }
  if (op.type !== "o" && op.type !== "?") {
    if (left?.type === "f" && isFunctionCall(left)) return true;
    if (
      (left?.type === "1" || left?.text === "true" || left?.text === "false") &&
      (op.type === "c" || op.type === ")" || op.type === ";" || op.type === "&")
    )
      return true;
    return false;
  }
  if (!isOperand(right)) return false;
  const leftToken = left as Token;
  const rightToken = right as Token;
  if (leftToken.type === "n" && rightToken.type === "n") {
    return SYMBOLIC_COMPARISON.has(op.text) && leftToken.text === rightToken.text;
  }
  if (leftToken.type === "n" || rightToken.type === "n")
    return COMPARISON.has(op.text) || op.type === "?" || op.text.length > 1;
  return true;
}

function analyse(all: readonly Token[], quoted: boolean): string | null {
  const tokens = all.filter((t) => t.type !== "c");
  const n = tokens.length;

  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    const previous = tokens[i - 1];
    if (DISTINCTIVE_SQL_WORDS.has(t.text) && (t.type === "n" || t.type === "f"))
      return `identifier:${t.text}`;
    switch (t.type) {
      case "o":
        if (
          t.text === "::" &&
          next !== undefined &&
          CAST_TYPES.has(next.text) &&
          previous !== undefined &&
          (isOperand(previous) || previous.type === ")")
        ) {
          return "cast";
        }
        if (
          COMPARISON.has(t.text) &&
          previous?.type === "s" &&
          previous.tight &&
          next?.type === "s" &&
          tokens[i - 2]?.type !== "n"
        ) {
          return "string-comparison";
        }
        if ((t.text === "div" || t.text === "mod") && next?.type === "(" && tokens[i + 2]?.type === "1")
          return "function:div";
        if (
          previous?.type === ")" &&
          WORD_OPERATOR.test(t.text) &&
          (next?.type === "(" || (isOperand(next) && next?.type !== "n"))
        )
          return "paren-operator";
        break;
      case "k":
        if (t.text === "case" && next?.text === "when") {
          for (let j = i + 2; j < n && j < i + 10; j++) {
            const u = tokens[j] as Token;
            if (u.type === "n" && PROSE_WORDS.has(u.text)) break;
            if (u.text === "then") return "case-when";
          }
        }
        if (
          t.text === "as" &&
          tokens[i + 2]?.text === "from" &&
          (next?.type === "s" || (next?.type === "n" && next.tight) || previous?.type === "1")
        ) {
          return "alias-from";
        }
        break;
      default:
        break;
    }
    switch (t.type) {
      case "U": {
        let j = i + 1;
        while (tokens[j]?.text === "all" || tokens[j]?.text === "distinct" || tokens[j]?.type === "(") j++;
        if (tokens[j]?.text === "select" || tokens[j]?.text === "values") return "union-select";
        break;
      }
      case "f":
        if (isFunctionCall(t, tokens, i) && (t.tight || tokens[i - 1]?.type !== "n" || n <= 3))
          return `function:${t.text}`;
        break;
      case "v":
        if (t.text.startsWith("@@")) return "system-variable";
        break;
      case ";": {
        const statement = tokens[i + 1];
        if (statement?.type === "E" || statement?.type === "f") {
          const check = STACKABLE[statement.text];
          if (check?.(tokens[i + 2], tokens[i + 3])) return `stacked:${statement.text}`;
        }
        break;
      }
      case "&":
        if (i + 1 < n && (i > 0 || t.text !== "not") && isTautologyAt(tokens, i + 1)) {
          // Prose like "me and you" never reaches here: it needs an operator between literals.
          // A bare column compared to a literal (`and age > 5`) counts after a number, a quote
          // break or a bracket, not in a sentence that starts with a word ("x > 5 && y < 3").
          const left = tokens[i + 1] as Token;
          // A sentence may open with a word the tokenizer knows as SQL ("If x > 5 and y < 3, …").
          const opener = tokens[0];
          const proseStart =
            !quoted &&
            opener !== undefined &&
            (opener.type === "n" ||
              ((opener.type === "k" || opener.type === "o") && /^[a-z]+$/.test(opener.text))) &&
            !opener.tight;
          const sameSides = tokens[i + 3]?.text === left.text;
          if (left.type === "n" && !left.tight && proseStart && !sameSides) break;
          // In a sentence, a comparison of two numbers is arithmetic talk ("2 > 1 and 1 < 2") unless
          // it is the classic always-true equality (`and 1=1`).
          if (proseStart && left.type === "1" && !(sameSides && tokens[i + 2]?.text === "=")) break;
          if (i > 0 || quoted || tokens[i + 1]?.type !== "n" || n > 3) return "tautology";
        }
        break;
      case "E":
        if ((t.text === "exec" || t.text === "execute") && next !== undefined) {
          if (
            next.type === "(" ||
            next.type === "v" ||
            next.text === "immediate" ||
            EXEC_TARGET.test(next.text)
          )
            return "exec";
        }
        if (t.text === "declare" && next?.type === "v") return "declare";
        // After `-` the word is a command-line option (`find . -exec`), not SQL.
        if (i === 0 || (previous?.type === "o" && previous.text !== "-") || previous?.type === "(") {
          const check = STACKABLE[t.text];
          const object = tokens[i + 2];
          const standalone = t.text !== "select" && t.text !== "set" && t.text !== "use" && t.text !== "call";
          // "Drop table games are my favourite": a sentence goes on with prose after the object.
          const afterObject = tokens[i + 3];
          const proseContinues =
            afterObject !== undefined && afterObject.type === "n" && PROSE_WORDS.has(afterObject.text);
          if (
            standalone &&
            check?.(next, object) &&
            (object === undefined || !PROSE_WORDS.has(object.text)) &&
            !proseContinues
          ) {
            return `statement:${t.text}`;
          }
        }
        if (t.text === "select") {
          // After a variable too: `@var select @var as var into temp` (MSSQL batches).
          if (i === 0 || ["(", ";", "U", "&", "o", "s", ",", "v"].includes(tokens[i - 1]?.type ?? "")) {
            if (
              next?.type === "v" ||
              next?.type === "f" ||
              next?.text === "*" ||
              // `(select top 1 …` opens an MSSQL subquery; "select top games" in a search box does not.
              (next?.text === "top" && previous?.type === "(" && tokens[i + 2]?.type === "1") ||
              (next?.type === "1" &&
                (tokens[i + 2] === undefined || tokens[i + 2]?.type === "," || tokens[i + 2]?.type === "k"))
            )
              return "select";
          }
          // Prose about SQL ("the statement select * from …") is not an injection; code is preceded by code.
          if ((previous === undefined || previous.type !== "n" || previous.tight) && selectFrom(tokens, i))
            return "select-from";
        } else if (t.text === "waitfor" && (next?.text === "delay" || next?.text === "time")) {
          return "waitfor";
        }
        break;
      case "k":
        if (t.text === "into" && (next?.text === "outfile" || next?.text === "dumpfile"))
          return "into-outfile";
        if (t.text === "procedure" && next?.text === "analyse") return "procedure-analyse";
        // `having 1=1--` appended to a grouped query, `where 1=1 and 1=0` to a FROM clause: a
        // tautology right after the clause word.
        if (
          (t.text === "having" || t.text === "where") &&
          (i === 0 || (previous?.type === "n" && !PROSE_WORDS.has(previous.text) && i <= 4)) &&
          !PROSE_WORDS.has(tokens[0]?.text ?? "") &&
          isTautologyAt(tokens, i + 1)
        ) {
          const left = tokens[i + 1];
          const right = tokens[endOfOperand(tokens, i + 1) + 1];
          // "where 2 > 1 is true?" goes on as a sentence; SQL goes on with logic, comments or nothing.
          const prose =
            tokens[n - 1]?.text === "?" ||
            tokens
              .slice(i + 1)
              .some(
                (u) =>
                  !u.tight &&
                  PROSE_WORDS.has(u.text) &&
                  u.text !== "and" &&
                  u.text !== "or" &&
                  u.text !== "is",
              );
          if ((left?.type !== "n" || left.text === right?.text) && !prose) return "clause-tautology";
        }
        break;
    }
  }

  if (quoted) {
    const broken = quoteBreak(all);
    if (broken !== null) return broken;
  } else {
    const numeric = numericBreak(tokens);
    if (numeric !== null) return numeric;
  }
  return null;
}

function selectFrom(tokens: readonly Token[], index: number): boolean {
  let sawColumn = false;
  for (let j = index + 1; j < tokens.length && j <= index + 12; j++) {
    const t = tokens[j] as Token;
    if (t.type === "k" && t.text === "from") {
      const source = tokens[j + 1];
      if (!sawColumn || source === undefined) return false;
      return (
        source.type === "(" ||
        source.type === "v" ||
        (source.type === "n" && !PROSE_WORDS.has(source.text)) ||
        source.type === "k"
      );
    }
    if (t.type === "n" && PROSE_WORDS.has(t.text)) return false;
    if (t.type === "s" && !t.tight) return false;
    sawColumn = true;
  }
  return false;
}

/** After the attacker's closing quote: what follows must read as SQL. */
function quoteBreak(all: readonly Token[]): string | null {
  const first = all[0];
  if (first?.type !== "s" || !first.tight) return null;
  let i = 1;
  while (all[i]?.type === ")") i++;
  const after = all[i];
  const next = all[i + 1];
  if (after === undefined) return null;
  switch (after.type) {
    case "c":
      return after.text === "#" || after.text === "--" || after.text === "/*" || i > 1
        ? "quote-break-comment"
        : null;
    case "&": {
      if (!isOperand(next) && next?.type !== "&") return null;
      // A bare word after the break must be compared or called (`' or x=x`, `' and ascii(…)`);
      // `'… says 'not available'` is prose with a quoted phrase.
      if (next?.type === "n" && !next.tight) {
        const following = all[i + 2];
        return following !== undefined && (following.type === "o" || following.type === "(")
          ? "quote-break-logic"
          : null;
      }
      return "quote-break-logic";
    }
    case ";":
      // `admin';` ends the statement early; `'; drop …` starts another one.
      // `'; return true; var x='` is the same break into server-side JavaScript (MongoDB $where).
      return next === undefined ||
        next.type === "E" ||
        next.type === "f" ||
        next.type === "c" ||
        next.text === "return"
        ? "quote-break-stacked"
        : null;
    case "U":
      return next?.text === "select" ||
        next?.text === "all" ||
        next?.text === "distinct" ||
        next?.type === "("
        ? "quote-break-union"
        : null;
    case "o":
    case "?":
      if (
        after.text === "." ||
        after.text === ":" ||
        after.text === "{" ||
        after.text === "}" ||
        after.text === "]"
      )
        return null;
      if (!BREAK_OPERATORS.has(after.text)) return null;
      // A bare word after a word operator is prose (`id'is notes`); SQL compares literals or calls.
      if (next?.type === "n" && !next.tight && !SYMBOLIC_COMPARISON.has(after.text) && after.text !== "||")
        return null;
      // `{stamp:'-1',necessary:true}` (a consent cookie): a quoted number. A number followed at once by
      // another string literal does not go on as SQL (`'x'-1'…'` is a syntax error), whatever came before.
      if (next?.type === "1" && all[i + 2]?.type === "s") return null;
      if (isOperand(next)) return "quote-break-operator";
      return null;
    case "E":
      // `'… the "select all" checkbox` is a quoted phrase; `select all` after a break must go on as SQL.
      if (after.text === "select" && (next?.text === "all" || next?.text === "distinct")) {
        const column = all[i + 2];
        const code =
          column !== undefined &&
          (column.type === "v" || column.type === "f" || column.type === "1" || column.text === "*");
        return code || selectFrom(all, i) ? "quote-break-statement" : null;
      }
      return next !== undefined && (STACKABLE[after.text]?.(next, all[i + 2]) ?? false)
        ? "quote-break-statement"
        : null;
    case "k":
      if ((after.text === "order" || after.text === "group") && next?.text === "by")
        return "quote-break-order-by";
      if (
        (after.text === "having" || after.text === "where") &&
        isOperand(next) &&
        all[i + 2]?.type === "o"
      ) {
        return "quote-break-clause";
      }
      if (after.text === "into" || after.text === "limit" || after.text === "procedure")
        return isOperand(next) || next?.type === "k" ? "quote-break-clause" : null;
      return null;
    case "f":
      return isFunctionCall(after) || i > 1 ? "quote-break-function" : null;
    default:
      return null;
  }
}

/** A value used as a number (`id=1`) that goes on after the number. */
function numericBreak(tokens: readonly Token[]): string | null {
  const first = tokens[0];
  // `ORDER BY 3--` on its own probes the column count of the query it is appended to.
  if (
    first?.type === "k" &&
    (first.text === "order" || first.text === "group") &&
    tokens[1]?.text === "by" &&
    tokens[2]?.type === "1"
  ) {
    return "order-by-probe";
  }
  if (first === undefined || (first.type !== "1" && first.type !== "n")) return null;
  let i = 1;
  let closed = 0;
  while (tokens[i]?.type === ")") {
    i++;
    closed++;
  }
  const after = tokens[i];
  const next = tokens[i + 1];
  if (after === undefined) return null;
  if (closed > 0 && (after.type === "&" || after.type === ";" || after.type === "U")) return "paren-break";
  if (
    first.type === "1" &&
    after.type === "k" &&
    (after.text === "order" || after.text === "group") &&
    next?.text === "by"
  ) {
    return tokens[i + 2]?.type === "1" ? "numeric-order-by" : null;
  }
  if (first.type === "1" && after.type === "k" && after.text === "having" && isOperand(next))
    return "numeric-having";
  return null;
}
