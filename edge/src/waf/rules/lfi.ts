import type { ValueRule } from "../rule.ts";
import { regexRule } from "./define.ts";

// `..` as a whole path segment, after every decoding layer and with `\` read as `/`; `..;/` is
// Tomcat's path-parameter variant.
const TRAVERSAL = /(?:^|\/)\.{2,}(?:;[^/]{0,40})?(?:\/|$)/;
// Files an application never serves but an attacker reads to pivot: OS accounts, process state,
// credentials, server configuration.
// Hex-spelled separators and dots (`0x5c0x2e./`) from encoders that emit C-style escapes.
const HEX_SPELLED_TRAVERSAL = /(?:0x5c|0x2f|[/\\]|^)(?:0x2e|\.){2}(?:0x5c|0x2f|[/\\]|$)/;
const SENSITIVE_OS_FILE =
  /(?:^|[/=:\s"'])(?:etc\/(?:passwd|shadow|subuid|subgid|group|gshadow|master\.passwd|sudoers|hosts|hostname|issue|motd|crontab|fstab|mtab|profile|bashrc|ssh\/|security\/|httpd\/|apache2?\/|nginx\/|mysql\/|php\d?\/|environment|resolv\.conf|network)|proc\/[a-z\d]|sys\/(?:class|kernel|devices|block|module|power|firmware)\b|dev\/(?:tcp|udp|fd|null|zero|random|urandom|stdin|stdout|stderr)\b|var\/(?:log|run|lib\/(?:mysql|php|pgsql))\/|usr\/local\/(?:apache\d?|etc|apps)\/|root\/\.[a-z]|home\/[^/]{1,64}\/\.|(?:windows|winnt)\/(?:system32\/(?:drivers\/etc|config\/(?:sam|system|software|security)|inetsrv)|win\.ini|system\.ini|repair\/|debug\/|panther\/)|boot\.ini|win\.ini|system\.ini|autoexec\.bat|inetpub\/|\.ssh\/|id_(?:rsa|dsa|ecdsa|ed25519)\b|authorized_keys|known_hosts|\.bash_history|\.zsh_history|\.mysql_history|\.psql_history|\.aws\/credentials|\.docker\/|\w{0,40}\.sql(?:\.(?:zip|gz|bz2|tar|7z|xz))?$|^>\s*\/tmp\/|\.kube\/config|\.npmrc|\.netrc|\.pgpass|\.git-credentials|httpd\.conf|apache2?\.conf|nginx\.conf|php\.ini|my\.cnf|web\.config|wp-config\.php|localsettings\.php|config\.inc\.php|\.htaccess|\.htpasswd|\.htdigest|\.(?:git|svn|hg|env|ssh|aws|docker|kube)(?:\/|$))/;
// Hidden files and folders that leak source, secrets or tool state when served by mistake.
// Any dot-file or dot-folder (`.git`, `.env`, `.cursor`, `.aiignore` …): tool state, secrets and
// source control leak through them, and this API serves none. `.well-known` is the one exception.
const RESTRICTED_PATH =
  /(?:^|\/)\.(?!well-known(?:\/|$))[\w-]|(?:^|\/)(?:web\.config|composer\.(?:json|lock)|package-lock\.json|yarn\.lock|dockerfile|docker-compose\.ya?ml|phpinfo\.php|server-status|server-info|wp-config\.php|mcp\.json)(?:$|\/)|\/proc\/[a-z\d]|^\/@(?:id|fs)\/|\.(?:log|sql|sqlite|bak|old|swp)(?:\.(?:zip|gz|bz2|tar|7z|xz))?$/;

export const LFI_RULES: readonly ValueRule[] = [
  regexRule({
    id: "lfi-path-traversal",
    family: "lfi",
    pipeline: "path",
    kinds: [
      "path",
      "query-name",
      "query-value",
      "body-name",
      "body-value",
      "body-raw",
      "cookie-value",
      "file-name",
      "header",
    ],
    headers: undefined,
    pattern: TRAVERSAL,
  }),
  regexRule({
    id: "lfi-hex-spelled-traversal",
    family: "lfi",
    pipeline: "lower",
    kinds: [
      "path",
      "query-name",
      "query-value",
      "body-name",
      "body-value",
      "body-raw",
      "cookie-value",
      "file-name",
      "header",
    ],
    headers: undefined,
    pattern: HEX_SPELLED_TRAVERSAL,
  }),
  regexRule({
    id: "lfi-os-file-access",
    family: "lfi",
    pipeline: "path",
    kinds: [
      "path",
      "query-name",
      "query-value",
      "body-name",
      "body-value",
      "body-raw",
      "cookie-value",
      "file-name",
      "header",
    ],
    headers: [
      "referer",
      "user-agent",
      "x-original-url",
      "x-rewrite-url",
      "x-filename",
      "x_filename",
      "x-file-name",
      "x-*",
    ],
    pattern: SENSITIVE_OS_FILE,
  }),
  regexRule({
    id: "lfi-restricted-file",
    family: "lfi",
    pipeline: "path",
    kinds: ["path"],
    pattern: RESTRICTED_PATH,
  }),
];
