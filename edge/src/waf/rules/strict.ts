import type { RequestRule, ValueRule } from "../rule.ts";
import { regexRule, requestRule, valueRule } from "./define.ts";

// Paranoia levels 2–4 trade false positives for coverage, as in CRS: each level adds signals that are
// common in attacks but also appear in legitimate input, so a route opts into them deliberately.

// PL2: SQL keywords that belong together, even with words in between or with prose spacing.
const SQL_KEYWORD_PAIR =
  /\bunion\b[\s\S]{0,100}?\bselect\b|\bselect\b[\s\S]{0,100}?\bfrom\b[\s\S]{0,60}?\bwhere\b|\binsert\s+into\b|\bdelete\s+from\b|\bdrop\s+(?:table|database)\b|\bupdate\s+\w{1,60}\s+set\b|\b(?:sleep|benchmark|pg_sleep|waitfor)\b\s*\(?/;
// PL2: a quote followed by a logic operator: the opening of most string-break injections.
const QUOTE_LOGIC = /['"`]\s*(?:\)\s*)?(?:or|and|xor|\|\||&&)\b/;
// PL2: any element with an attribute, or a closing script/style/title tag.
const MARKUP_WITH_ATTRIBUTE =
  /<[a-z][\w:-]{0,30}\s[^>]{0,400}=|<\/(?:script|style|title|textarea|noscript)\b/;
// PL2: any `..` segment or encoded dot-dot, even without a following separator.
const DOT_DOT = /(?:^|[/\\])\.\.|%2e%2e|\.%2e|%2e\./;
// PL3: SQL comment sequences.
const SQL_COMMENT = /--(?:\s|$)|\/\*|\*\/|#\s*$/;
// PL3: many SQL/script metacharacters in one value.
const METACHARACTERS = /['"`;()<>=|&\\]/g;
// PL4: any angle bracket, quote-semicolon pair or backtick.
const ANY_METACHARACTER = /[<>`]|['"]\s*;/;

export const STRICT_VALUE_RULES: readonly ValueRule[] = [
  regexRule({
    id: "sqli-keyword-pair",
    family: "sqli",
    paranoia: 2,
    pipeline: "compact",
    pattern: SQL_KEYWORD_PAIR,
  }),
  regexRule({
    id: "sqli-quote-logic",
    family: "sqli",
    paranoia: 2,
    severity: "warning",
    pipeline: "compact",
    pattern: QUOTE_LOGIC,
  }),
  regexRule({
    id: "xss-markup-with-attribute",
    family: "xss",
    paranoia: 2,
    pipeline: "lower",
    pattern: MARKUP_WITH_ATTRIBUTE,
  }),
  regexRule({
    id: "lfi-dot-dot",
    family: "lfi",
    paranoia: 2,
    severity: "error",
    pipeline: "lower",
    pattern: DOT_DOT,
  }),
  regexRule({
    id: "sqli-comment-sequence",
    family: "sqli",
    paranoia: 3,
    severity: "warning",
    pipeline: "decoded",
    pattern: SQL_COMMENT,
  }),
  valueRule({
    id: "generic-metacharacter-density",
    family: "generic",
    paranoia: 3,
    severity: "warning",
    pipeline: "decoded",
    patterns: [METACHARACTERS],
    test: (value) => (value.match(METACHARACTERS)?.length ?? 0) >= 6,
  }),
  regexRule({
    id: "generic-any-metacharacter",
    family: "generic",
    paranoia: 4,
    severity: "notice",
    pipeline: "decoded",
    pattern: ANY_METACHARACTER,
  }),
];

export const STRICT_REQUEST_RULES: readonly RequestRule[] = [
  requestRule({
    id: "protocol-missing-client-headers",
    family: "protocol",
    paranoia: 2,
    severity: "notice",
    check: (context) => {
      if (!context.collected.headers.has("user-agent")) return "header.user-agent";
      if (!context.collected.headers.has("accept")) return "header.accept";
      return null;
    },
  }),
];
