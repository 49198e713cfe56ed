import type { ValueRule } from "../rule.ts";
import {
  detectUnixCommand,
  mayContainCommand,
  SHELL_DETECT_PATTERNS,
  SHELL_PREFILTER_PATTERNS,
} from "../shell/detect.ts";
import { SHELL_NORMALIZE_PATTERNS } from "../shell/normalize-shell.ts";
import { INJECTION_KINDS, regexRule, valueRule } from "./define.ts";

const ALL_HEADERS = undefined;

// Command substitution and process substitution: `$(…)`, backticks around a command, `<(…)`, `$((…))`.
// Backticks are left to the command scanner: `word` in Markdown is common, `cmd` with a known command is not.
const SHELL_SUBSTITUTION = /\$\(\(?\s*[a-z_/.'"\\$]|[<>]\(\s*[a-z/]/;
// `${name}` alone is a template placeholder; expansions with operators or shell variables are code.
const SHELL_PARAMETER_EXPANSION =
  /\$\{\s*(?:[a-z_!#@:]\w{0,40}\s*(?:[:#%/^,]|\[)|(?:ifs|path|home|shell|user|pwd|hostname|oldpwd|ps1|bash|bash_version|random|\d|[#@*?$!])\s*\})/;
// Shellshock: a function definition at the very start of a header or argument.
const SHELLSHOCK = /^\s*\(\s*\)\s*\{/;
// Paths to interpreters and binaries: nobody sends `/bin/sh` or `/usr/bin/id` as data.
const UNIX_BINARY_PATH =
  /(?:^|[^\w.-])\/?(?:usr\/(?:local\/)?)?s?bin\/[a-z][\w.-]{0,30}|\/etc\/(?:passwd|shadow|group|hosts)\b|\/dev\/(?:tcp|udp)\//;
// Globbed paths (`/???/c?t /e*c/p*d`) only make sense to a shell.
const GLOBBED_PATH = /\/[\w.]{0,10}[?*][\w.?*]{0,10}\/[\w.?*]{0,20}|(?:^|\s)\/[?*]{2,}\b/;
// Brace expansion building a command: `{cat,/etc/passwd}`, `c{a,oun}t`, `{,ifconfig}`.
// A letter is required: `{1,5}` is a regex quantifier, `{cat,/etc/passwd}` is a command.
const BRACE_EXPANSION = /\{[\w./-]{0,40},[\w./-]{0,40}(?:,[\w./-]{0,40}){0,10}\}/;
const HAS_LETTER = /[a-z]/;
// Tilde expansions of the directory stack and `!-1` history expansion.
// `!!` re-runs the previous command only where a command starts: "thanks guys!!!" is prose.
const TILDE_OR_HISTORY = /^\s*~[+-]\d{0,3}\s*$|(?:^|[\s;&|])!-\d|(?:^|[;&|`(]\s{0,3})!!\s*[;&|]?$/;
const ALIAS_DEFINITION = /\balias\s{1,10}(?:[-+][a-z]{1,5}\s{1,10}){0,5}[^\s=]{1,40}\s{0,10}=/;
// `sh -c …`, `$SHELL -c …`, `$((…))` and `$[…]` arithmetic: interpreter invocations and expansions.
const SHELL_INVOCATION =
  /(?:^|[\s;|&`('"])(?:(?:ba|z|k|da|c|tc|fi)?sh|busybox|\$\{?[a-z_]\w{0,30}\}?)[\s,]+-c\b|\$\[[^\]]{0,60}\]|\$\(\([^)]{0,60}\)\)/;
// Bracket globs inside paths (`/etc/pas[s]wd`, `/bi[n]/sh`).
const BRACKET_GLOB_PATH = /\/[\w.-]{0,30}\[!?[a-z/][\w/^-]{0,19}\][\w/]/;
// Windows: FOR and IF batch constructs, cmd/powershell launches, well-known admin tools.
const WINDOWS_BATCH =
  /\bfor\s*\/[dflr]\b|\bfor\s+%%?[a-z]\w{0,30}\s+in\s*\(|\bif\s+(?:\/i\s+)?(?:not\s+)?(?:exist|defined|errorlevel|cmdextversion)\s|\bif\s*\/i\b|\bif(?:\s+not)?\s*(?:"[^"]{0,60}"|\[[^\]]{0,60}\]|\([^)]{0,60}\)|\{[^}]{0,60}\}|%[^%\s]{0,60}%|![^!\s]{0,60}!|[\w%~:-]{1,60})\s*(?:==|\b(?:equ|neq|lss|leq|gtr|geq)\b)/;
/\bfor\s*\/[dflr]\b|\bfor\s+%%?[a-z]\s+in\s*\(|\bif\s+(?:\/i\s+)?(?:not\s+)?(?:exist|defined|errorlevel|cmdextversion)\s|\bif\s+\/i\b|\bif\s+(?:not\s+)?["%]?[\w%]{0,40}["%]?\s*(?:==|\b(?:equ|neq|lss|leq|gtr|geq)\b)/;
const WINDOWS_COMMAND =
  /(?:^|[;&|`\n(]|\bcall\s)\s*(?:[a-z]:\\(?:windows\\)?(?:system32\\)?)?(?:cmd(?:\.exe)?\s*\/[ck]|regedit(?:\.exe)?\s+\/|bcd(?:boot|edit)(?:\.exe)?\s*[/<%]|powershell(?:\.exe)?|pwsh(?:\.exe)?|certutil(?:\.exe)?\s+-|bitsadmin(?:\.exe)?\s+\/|wmic(?:\.exe)?\s|mshta(?:\.exe)?\s|rundll32(?:\.exe)?\s|regsvr32(?:\.exe)?\s|cscript(?:\.exe)?\s|wscript(?:\.exe)?\s|schtasks(?:\.exe)?\s+\/|net1?(?:\.exe)?\s+(?:user|localgroup|group|share|use|view|start|stop|session|accounts)\b|reg(?:\.exe)?\s+(?:query|add|delete|save|export)\b|sc(?:\.exe)?\s+(?:query|create|config|start|stop|delete)\b|netsh(?:\.exe)?\s|tasklist\b|taskkill\b|systeminfo\b|whoami\b|ipconfig\b|vssadmin\b|wevtutil\b|icacls\s|type\s+[a-z]:\\|dir\s+[a-z]:\\|copy\s+\S+\s+\S|del\s+\/[fqs]|ping(?:\.exe)?\s+-[nt]\s)/;
// Windows reconnaissance commands chained after a shell separator (`; dir`, `& sysinfo`, `| dir C:\`);
// the words are not English, but the separator is still required so a search for "dir" passes.
const WINDOWS_RECON =
  /[;&|`]\s*(?:dir|sysinfo|systeminfo|tasklist|ipconfig|hostname|whoami|ver)(?:\.exe)?(?:\s+(?:[a-z]:\\|\/[a-z]{1,3}\b)[^\s;&|]{0,100}|\s*(?:$|[;&|]))/;
const POWERSHELL =
  /\b(?:invoke-(?:expression|webrequest|restmethod|command|item|wmimethod|shellcode|mimikatz)|iex\s*[(\s$]|new-object\s+(?:system\.)?net\.webclient|\.download(?:string|file|data)\s*\(|start-process\b|start-bitstransfer\b|get-(?:childitem|content|process|service|wmiobject|ciminstance|itemproperty|acl|credential)\b|set-(?:content|itemproperty|executionpolicy|mppreference)\b|remove-item\b|add-mppreference\b|convertto-securestring\b|frombase64string\s*\(|\[system\.(?:convert|text\.encoding|reflection\.assembly|diagnostics\.process)\]|-(?:encodedcommand|enc|ec)\s+[a-z0-9+/=]{8,}|-(?:executionpolicy|ep)\s+bypass\b|-(?:windowstyle|w)\s+hidden\b|-noprofile\b|-nop\b\s)/;
// PowerShell aliases after a break (`;gci`, `|iex`).
const POWERSHELL_ALIAS =
  /^\s*(?:iex|iwr|irm|gci|gcm|gc|sls|saps|spps|gwmi|iwmi|icm|ii|ni|rni|sal|sv|gps|gsv)\s+[-$'"/\\.(]|[;&|`(]\s*(?:iex|iwr|irm|gci|gcm|gc|sls|saps|spps|gwmi|iwmi|icm|ii|ni|rni|sal|sv|gps|gsv)\s+[-$'"\w/\\.(]/;
// Files whose upload reconfigures the server or the interpreter.
const RESTRICTED_UPLOAD_NAME =
  /(?:^|[/\\])(?:\.htaccess|\.htpasswd|\.user\.ini|php\.ini|web\.config|\.bashrc|\.bash_profile|\.profile|\.zshrc|authorized_keys|crontab|\.git\/config|\.env(?:\.[\w-]{1,20})?|httpd\.conf|nginx\.conf|\.boto|\.s3cfg|\.npmrc|\.pypirc|\.netrc|mtrr|acpi|(?:wp-)?config(?:uration)?(?:[._-][\w.-]{1,20})?|settings(?:[._-][\w.-]{1,20})?|database\.ya?ml|secrets?\.(?:ya?ml|json)|parameters\.ya?ml|local\.xml)$/;
const UPLOAD_NAME_NOISE = /\s+/g;
/(?:^|[/\\])(?:\.htaccess|\.htpasswd|\.user\.ini|php\.ini|web\.config|\.bashrc|\.bash_profile|\.profile|\.zshrc|authorized_keys|crontab|\.git\/config|\.env|httpd\.conf|nginx\.conf|wp-config\.php|config\.php)$/;

export const RCE_RULES: readonly ValueRule[] = [
  valueRule({
    id: "rce-unix-command",
    family: "rce",
    pipeline: "lower",
    patterns: [...SHELL_DETECT_PATTERNS, ...SHELL_NORMALIZE_PATTERNS, ...SHELL_PREFILTER_PATTERNS],
    prefilter: mayContainCommand,
    test: (value) => detectUnixCommand(value) !== null,
  }),
  regexRule({ id: "rce-shell-substitution", family: "rce", pipeline: "lower", pattern: SHELL_SUBSTITUTION }),
  regexRule({
    id: "rce-shell-parameter-expansion",
    family: "rce",
    pipeline: "lower",
    pattern: SHELL_PARAMETER_EXPANSION,
  }),
  regexRule({
    id: "rce-shellshock",
    family: "rce",
    kinds: INJECTION_KINDS,
    headers: ALL_HEADERS,
    pipeline: "decoded",
    pattern: SHELLSHOCK,
  }),
  regexRule({ id: "rce-unix-binary-path", family: "rce", pipeline: "path", pattern: UNIX_BINARY_PATH }),
  regexRule({ id: "rce-globbed-path", family: "rce", pipeline: "lower", pattern: GLOBBED_PATH }),
  valueRule({
    id: "rce-brace-expansion",
    family: "rce",
    pipeline: "lower",
    patterns: [BRACE_EXPANSION, HAS_LETTER],
    needs: BRACE_EXPANSION,
    test: (value) => {
      const match = BRACE_EXPANSION.exec(value);
      return match !== null && HAS_LETTER.test(match[0]);
    },
  }),
  regexRule({
    id: "rce-tilde-or-history-expansion",
    family: "rce",
    pipeline: "lower",
    pattern: TILDE_OR_HISTORY,
  }),
  regexRule({ id: "rce-alias-definition", family: "rce", pipeline: "lower", pattern: ALIAS_DEFINITION }),
  regexRule({ id: "rce-windows-batch", family: "rce", pipeline: "compact", pattern: WINDOWS_BATCH }),
  regexRule({ id: "rce-windows-command", family: "rce", pipeline: "compact", pattern: WINDOWS_COMMAND }),
  regexRule({ id: "rce-powershell", family: "rce", pipeline: "compact", pattern: POWERSHELL }),
  regexRule({ id: "rce-windows-recon", family: "rce", pipeline: "lower", pattern: WINDOWS_RECON }),
  regexRule({ id: "rce-powershell-alias", family: "rce", pipeline: "compact", pattern: POWERSHELL_ALIAS }),
  valueRule({
    id: "rce-restricted-upload-name",
    family: "rce",
    kinds: ["file-name", "header"],
    headers: ["x-filename", "x_filename", "x-file-name", "x.filename"],
    pipeline: "path",
    patterns: [RESTRICTED_UPLOAD_NAME, UPLOAD_NAME_NOISE],
    // Servers trim and collapse spaces in stored names (`settings. php`), so compare without them.
    test: (value) => RESTRICTED_UPLOAD_NAME.test(value.replace(UPLOAD_NAME_NOISE, "")),
  }),
  regexRule({ id: "rce-shell-invocation", family: "rce", pipeline: "lower", pattern: SHELL_INVOCATION }),
  regexRule({ id: "rce-bracket-glob-path", family: "rce", pipeline: "lower", pattern: BRACKET_GLOB_PATH }),
];
