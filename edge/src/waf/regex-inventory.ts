import { COLLECT_PATTERNS } from "./request/collect-targets.ts";
import { MULTIPART_PATTERNS } from "./request/parse-multipart.ts";
import { REQUEST_RULES, VALUE_RULES } from "./rules/index.ts";
import { NORMALIZE_PATTERNS } from "./transform/normalize.ts";
import { INERT_VALUE, PLAIN_VALUE_PATTERNS } from "./transform/plain-value.ts";

/** Every regular expression the WAF evaluates on request data, for the ReDoS budget test. */
export function allWafRegexes(): { owner: string; pattern: RegExp }[] {
  const found: { owner: string; pattern: RegExp }[] = [];
  for (const rule of [...VALUE_RULES, ...REQUEST_RULES]) {
    for (const pattern of rule.patterns) found.push({ owner: rule.id, pattern });
  }
  for (const pattern of COLLECT_PATTERNS) found.push({ owner: "collect-targets", pattern });
  for (const pattern of MULTIPART_PATTERNS) found.push({ owner: "parse-multipart", pattern });
  for (const pattern of NORMALIZE_PATTERNS) found.push({ owner: "normalize", pattern });
  // The engine tests every value against the plain-alphabet check before choosing its rules.
  for (const pattern of [...PLAIN_VALUE_PATTERNS, INERT_VALUE.pattern])
    found.push({ owner: "plain-value", pattern });
  return found;
}
