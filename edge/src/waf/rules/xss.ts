import type { ValueRule } from "../rule.ts";
import {
  detectEncodingTricks,
  detectHtmlInjection,
  detectScriptContext,
  XSS_PATTERNS,
} from "../xss/detect.ts";
import { valueRule } from "./define.ts";

export const XSS_RULES: readonly ValueRule[] = [
  valueRule({
    id: "xss-html-injection",
    family: "xss",
    pipeline: "lower",
    headers: undefined,
    patterns: XSS_PATTERNS,
    test: (value) => detectHtmlInjection(value) !== null,
  }),
  valueRule({
    id: "xss-script-context",
    family: "xss",
    pipeline: "lower",
    headers: undefined,
    patterns: XSS_PATTERNS,
    test: (value) => detectScriptContext(value) !== null,
  }),
  valueRule({
    id: "xss-encoding-evasion",
    family: "xss",
    pipeline: "raw",
    patterns: XSS_PATTERNS,
    test: (value) => detectEncodingTricks(value) !== null,
  }),
];
