import type { RequestRule, ValueRule } from "../rule.ts";
import { GENERIC_REQUEST_RULES, GENERIC_RULES } from "./generic.ts";
import { JAVA_RULES } from "./java.ts";
import { LFI_RULES } from "./lfi.ts";
import { PHP_RULES } from "./php.ts";
import { PROTOCOL_REQUEST_RULES, PROTOCOL_VALUE_RULES } from "./protocol.ts";
import { RCE_RULES } from "./rce.ts";
import { RFI_RULES } from "./rfi.ts";
import { SCANNER_RULES } from "./scanner.ts";
import { SESSION_FIXATION_REQUEST_RULES, SESSION_FIXATION_VALUE_RULES } from "./session-fixation.ts";
import { SQLI_RULES } from "./sqli.ts";
import { STRICT_REQUEST_RULES, STRICT_VALUE_RULES } from "./strict.ts";
import { XSS_RULES } from "./xss.ts";

export const VALUE_RULES: readonly ValueRule[] = [
  ...PROTOCOL_VALUE_RULES,
  ...SCANNER_RULES,
  ...LFI_RULES,
  ...RFI_RULES,
  ...RCE_RULES,
  ...PHP_RULES,
  ...JAVA_RULES,
  ...XSS_RULES,
  ...SQLI_RULES,
  ...GENERIC_RULES,
  ...STRICT_VALUE_RULES,
  ...SESSION_FIXATION_VALUE_RULES,
];

export const REQUEST_RULES: readonly RequestRule[] = [
  ...PROTOCOL_REQUEST_RULES,
  ...SESSION_FIXATION_REQUEST_RULES,
  ...GENERIC_REQUEST_RULES,
  ...STRICT_REQUEST_RULES,
];
