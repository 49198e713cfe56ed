import type { ValueRule } from "../rule.ts";
import { regexRule, valueRule } from "./define.ts";

// A URL whose host is a literal IP address: a classic remote-include or SSRF target, never a
// legitimate value on our APIs (redirect targets are on our own domains).
const URL_WITH_IP_HOST =
  /^\s*(?:https?|ftps?|file|php|data|dict|gopher|ldaps?|tftp|jar|netdoc|smb|sftp):\/\/(?:[^/@\s]{0,200}@)?(?:\d{1,3}(?:\.\d{1,3}){3}|0x[0-9a-f]{1,8}|\d{8,10}|\[[0-9a-f:.]{2,45}\]|[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7})(?::\d{1,5})?(?:[/?#]|$)/i;
// `?` at the end defeats an application's appended suffix (`include($x . ".php")`).
const URL_WITH_TRAILING_QUESTION = /^\s*(?:https?|ftps?|file)(?::\/\/[^\s]{1,2000}?)?\?+\s*$/i;
// Parameter names that PHP applications pass straight to include().
const INCLUDE_PARAMETER_NAME =
  /^(?:include|require|inc|mosconfig_absolute_path|_conf\[path\]|_server\[document_root\]|gallery_basedir|appserv_root|config\[root_dir\]|path\[docroot\]|page|file|template)(?![a-z])/i;
const REMOTE_URL = /^\s*(?:https?|ftps?|php|data|expect|zip|phar|dict|gopher|file):\/\//i;
const INCLUDE_CALL = /\binclude(?:_once)?\s*\([^)]{0,200}(?:https?|ftps?|file):\/\//i;

export const RFI_RULES: readonly ValueRule[] = [
  regexRule({ id: "rfi-ip-address-url", family: "rfi", pattern: URL_WITH_IP_HOST }),
  regexRule({ id: "rfi-url-trailing-question-mark", family: "rfi", pattern: URL_WITH_TRAILING_QUESTION }),
  regexRule({ id: "rfi-include-call", family: "rfi", pattern: INCLUDE_CALL }),
  valueRule({
    id: "rfi-include-parameter",
    family: "rfi",
    kinds: ["query-value", "body-value"],
    patterns: [INCLUDE_PARAMETER_NAME, REMOTE_URL],
    needs: REMOTE_URL,
    test: (value, target) =>
      REMOTE_URL.test(value) && INCLUDE_PARAMETER_NAME.test(target.name.slice(target.name.indexOf(".") + 1)),
  }),
];
