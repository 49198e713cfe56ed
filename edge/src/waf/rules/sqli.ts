import type { ValueRule } from "../rule.ts";
import { DETECT_PATTERNS, detectSqlInjection } from "../sqli/detect.ts";
import { SYSTEM_OBJECTS } from "../sqli/keywords.ts";
import { TOKENIZER_PATTERNS } from "../sqli/tokenize.ts";
import { regexRule, valueRule } from "./define.ts";

const MONGO_OPERATOR_IN_NAME =
  /\[\s*\$(?:n?e|eq|[gl]te?|n?in|regex|where|exists|expr|or|and|nor|not|elemmatch|all|size|type|mod|text|function|accumulator|jsonschema)\s*\]/i;
// A query object smuggled as a string (`{"$ne": null}`) for back ends that JSON-parse parameters.
const MONGO_OPERATOR_OBJECT =
  /\{\s*["']?\$(?:n?e|eq|[gl]te?|n?in|regex|where|exists|expr|or|and|nor|not|elemmatch)["']?\s*:/i;
const MONGO_OPERATOR_KEY =
  /^\$(?:n?e|eq|[gl]te?|n?in|regex|where|exists|expr|or|and|nor|not|elemmatch|all|size|type|mod|text|function|accumulator|jsonschema)$/i;
// The same operators written as a fragment of a query document (`', $where: '1 == 1'`), and the shell
// and server-side JavaScript forms of MongoDB injection.
const MONGO_OPERATOR_FRAGMENT =
  /(?:^|[\s,{'"[])\$(?:where|n?e|eq|[gl]te?|n?in|regex|exists|expr|or|and|nor|not|elemmatch|comment|options|size|all)\s*["']?\s*:\s*(?:['"{[]|\d|true|false|null)/;
const MONGO_SHELL_OR_JS =
  /\bdb\s*\.\s*[\w$]{1,60}\s*\.\s*(?:insert|insertone|insertmany|find|findone|update|updateone|remove|deleteone|deletemany|drop|mapreduce|aggregate)\s*\(|\bthis\s*\.\s*[\w$]{1,60}\s*\.\s*match\s*\(|\bdo\s*\{[^}]{0,200}\}\s*while\s*\(/;
// MySQL executes the body of `/*! ... */`; nothing but an injection sends one to an API.
const MYSQL_VERSIONED_COMMENT = /\/\*!\s*\d*\s*[a-z(]/i;
// Values that wrap signed/unsigned integers or overflow doubles; exact matches only.
const INTEGER_OVERFLOW =
  /^\s*-?(?:2147483648|4294967296|9223372036854775808|18446744073709551616|0x7fffffff|0xffffffff|0x7fffffffffffffff|0xffffffffffffffff|1e309|1\.7976931348623157e\+?309|2\.2250738585072011e-308)\s*$/i;
// MySQL reads `1.e(` / `1.e.col` as a number glued to the next token, an evasion of word boundaries.
const SCIENTIFIC_NOTATION_EVASION = /\b\d+\.?e[(.,]|\b\d+\.e\b/i;

// The catalog names as one expression: one pass over the value instead of one `includes` per name
// (seven times faster on prose), and what the engine's alphabet proofs read. A name counts as a
// whole word (as in CRS): inside a base64 upload or a longer identifier, `msdb` or `tempdb` is chance.
const ANY_SYSTEM_OBJECT = new RegExp(
  `\\b(?:${SYSTEM_OBJECTS.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + (/\w$/.test(name) ? "\\b" : "")).join("|")})`,
);

export const SQLI_RULES: readonly ValueRule[] = [
  valueRule({
    id: "sqli-syntax",
    family: "sqli",
    patterns: [...TOKENIZER_PATTERNS, ...DETECT_PATTERNS],
    test: (value) => detectSqlInjection(value) !== null,
  }),
  regexRule({ id: "sqli-system-catalog", family: "sqli", pipeline: "lower", pattern: ANY_SYSTEM_OBJECT }),
  regexRule({ id: "sqli-mysql-versioned-comment", family: "sqli", pattern: MYSQL_VERSIONED_COMMENT }),
  regexRule({
    id: "sqli-nosql-operator-bracket",
    family: "sqli",
    pattern: MONGO_OPERATOR_IN_NAME,
  }),
  valueRule({
    id: "sqli-nosql-operator-key",
    family: "sqli",
    kinds: ["body-name"],
    patterns: [MONGO_OPERATOR_KEY],
    needs: MONGO_OPERATOR_KEY,
    test: (value, target) => target.name.startsWith("body.") && MONGO_OPERATOR_KEY.test(value),
  }),
  regexRule({ id: "sqli-nosql-operator-object", family: "sqli", pattern: MONGO_OPERATOR_OBJECT }),
  regexRule({ id: "sqli-nosql-operator-fragment", family: "sqli", pattern: MONGO_OPERATOR_FRAGMENT }),
  regexRule({ id: "sqli-nosql-shell-or-js", family: "sqli", pipeline: "lower", pattern: MONGO_SHELL_OR_JS }),
  regexRule({ id: "sqli-integer-overflow", family: "sqli", severity: "warning", pattern: INTEGER_OVERFLOW }),
  regexRule({ id: "sqli-scientific-notation", family: "sqli", pattern: SCIENTIFIC_NOTATION_EVASION }),
];
