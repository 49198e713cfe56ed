import type { ValueRule } from "../rule.ts";
import {
  detectEncodingTricks,
  detectHtmlInjection,
  detectScriptContext,
  SCRIPT_CONTEXT_SHAPES,
  XSS_PATTERNS,
} from "../xss/detect.ts";
import { regexRule, valueRule } from "./define.ts";

// A parameter name that begins with whitespace and an event handler is an attribute injection.
const INJECTED_HANDLER_NAME = /^\s+on[a-z]{3,40}\s*=?\s*$/;

// Every script-context payload needs one of these: a call, an assignment, an index, a scheme or template.
const SCRIPT_CONTEXT_HINT =
  /[(`=[{:!+]|document|window|location|constructor|import|cookie|\.\s*(?:inner|outer|src)/;

const MARKUP_CHARACTER = /[<!]/;
const ENCODED_MARKUP_CHARACTER = /[+%\\\u00bc]/;

export const XSS_RULES: readonly ValueRule[] = [
  regexRule({
    id: "xss-event-handler-name",
    family: "xss",
    kinds: ["query-name", "body-name", "cookie-name"],
    pipeline: "lower",
    pattern: INJECTED_HANDLER_NAME,
  }),
  valueRule({
    id: "xss-html-injection",
    family: "xss",
    pipeline: "lower",
    headers: undefined,
    patterns: [...XSS_PATTERNS, MARKUP_CHARACTER],
    // Every finding starts from a `<` (a tag) or a `!` (`!entity` in a DTD fragment).
    needs: MARKUP_CHARACTER,
    test: (value) => detectHtmlInjection(value) !== null,
  }),
  valueRule({
    id: "xss-script-context",
    family: "xss",
    pipeline: "lower",
    prefilter: (lower) => SCRIPT_CONTEXT_HINT.test(lower),
    headers: undefined,
    patterns: [...XSS_PATTERNS, SCRIPT_CONTEXT_HINT],
    needs: SCRIPT_CONTEXT_SHAPES,
    test: (value) => detectScriptContext(value) !== null,
  }),
  valueRule({
    id: "xss-encoding-evasion",
    family: "xss",
    pipeline: "raw",
    patterns: [...XSS_PATTERNS, ENCODED_MARKUP_CHARACTER],
    // UTF-7 needs `+`, the 7-bit trick `¼`; a `%` or `\` escape may spell either.
    needs: ENCODED_MARKUP_CHARACTER,
    test: (value) => detectEncodingTricks(value) !== null,
  }),
];
