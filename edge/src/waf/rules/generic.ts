import type { RequestRule, ValueRule } from "../rule.ts";
import { ARGUMENT_KINDS } from "../rule.ts";
import { INJECTION_KINDS, regexRule, requestRule, valueRule } from "./define.ts";

// XML entity declarations (XXE, billion laughs) and XSLT that calls out to PHP or reads documents. No
// client of this API sends a DTD: providers' XML is plain elements, so any declaration is hostile.
const XML_ENTITY_OR_XSLT_CALL =
  /<!entity\s|<!doctype\s[^>[]{0,200}\[|<!doctype\s+[\w:.-]{1,60}\s+system\b|\bphp:function\s*\(|<xsl:[^>]{0,300}\bdocument\s*\(/;

// Server-side JavaScript: serialised functions (node-serialize), constructor escapes, child processes.
const NODE_INJECTION =
  /_\$\$nd_func\$\$_|__js_function|\beval\s*\(\s*string\s*\.\s*fromcharcode|\bfunction\s*\([^)]{0,100}\)\s*\{|\bnew\s+function\s*\(|\bthis\s*\.\s*constructor\s*\.\s*constructor\b|\brequire\s*\(\s*['"`](?:child_process|fs|net|vm|os|process)['"`]\s*\)|\bchild_process\b|\bprocess\s*\.\s*(?:mainmodule|binding|dlopen|kill|exit|env\s*\[)|\bglobal\s*\.\s*process\b|\bmodule\s*\.\s*exports\s*=|\bprocess\s*(?:\.\s*env\b|\[)|\bconsole\s*(?:\.\s*\w{3,10}|\[\s*['"`]\w{3,10}['"`]\s*\])\s*(?:\.\s*(?:call|apply)\s*)?\(|\brequire\s*\[|\$[0-9a-f]{1,4}:(?:constructor|__proto__|\w{1,30}:(?:constructor|prototype))\b|\b(?:exec|spawn|fork)(?:sync)?\s*\(\s*['"`](?:\/bin\/|sh\b|bash\b|cmd\b|id\b|whoami\b|curl\b|wget\b)/;
// Loops that never end, for server-side evaluation (MongoDB $where, vm sandboxes): a CPU DoS.
const ENDLESS_LOOP =
  /\bwhile\s*\(\s*(?:!+\s*[-+]?\s*(?:0|false|""|''|``|null|undefined|nan|\[\s*\]|\{\s*\})|[-+]?\s*(?:infinity|[1-9]\d{0,8})|true|this|string|object|array|number|boolean|date|math|window|globalthis|new\s+\w{1,30})\s*\)|\bwhile\s*\(\s*\(\s*(?:true|1)\s*\)|\bfor\s*\(\s*;\s*;\s*\)/;
// Serialised node-serialize functions hidden in base64 (`_$$ND_FUNC$$_` → `XyQkTkRfRlVOQyQk`).
const NODE_SERIALIZE_BASE64 = /XyQkTkRfRlVOQyQk|XyQkXHUwMDRlXHUwMDQ0X0ZVTkMk/;
// Prototype pollution through parameter or JSON key names.
const PROTOTYPE_POLLUTION = /__proto__|\bconstructor\s*['"]?\s*\]?\s*(?:\.|\[\s*['"]?)\s*prototype\b/;
// Server-side requests to cloud metadata services, loopback and link-local addresses.
// Server-side requests to cloud metadata services, loopback and link-local addresses. Without a
// scheme a path must follow (`localhost/admin`), so a bare host name in a settings field is data.
const SSRF_TARGET =
  /^\s*(?:(?:[a-z][\w+.-]{0,20}:(?:\/\/)?(?:[^/@\s]{0,100}@)?(?:localhost(?:4|6)?(?:\.localdomain(?:4|6)?)?|ip6-localhost|ip6-loopback|ipv6-localhost|ipv6-loopback|127(?:\.\d{1,3}){3}|0\.0\.0\.0|0x7f[0-9a-f.]{0,20}|2130706433|017700000001|\[(?:0{0,4}:){2,7}0{0,3}1?\]|169\.254\.\d{1,3}\.\d{1,3}|100\.100\.100\.200|192\.0\.0\.192|\[?fd00:ec2::254\]?|metadata(?:\.google)?\.internal|metadata\.packet\.net|metadata\.azure\.com|instance-data(?:\.ec2\.internal)?|[\w.-]{0,60}\.(?:docker|containers)\.internal|kubernetes(?:\.default)?(?:\.svc)?(?:\.cluster\.local)?|[\w.-]{1,60}\.svc\.cluster\.local|[\w.-]{0,60}\.?(?:localtest\.me|lvh\.me|nip\.io|sslip\.io)|[\w-]{1,60}\.localhost)(?:[:/?#\\]|$))|(?:\/\/)?(?:localhost(?:4|6)?(?:\.localdomain(?:4|6)?)?|ip6-localhost|ip6-loopback|ipv6-localhost|ipv6-loopback|127(?:\.\d{1,3}){3}|0\.0\.0\.0|0x7f[0-9a-f.]{0,20}|2130706433|017700000001|\[(?:0{0,4}:){2,7}0{0,3}1?\]|169\.254\.\d{1,3}\.\d{1,3}|100\.100\.100\.200|192\.0\.0\.192|\[?fd00:ec2::254\]?|metadata(?:\.google)?\.internal|metadata\.packet\.net|metadata\.azure\.com|instance-data(?:\.ec2\.internal)?|[\w.-]{0,60}\.(?:docker|containers)\.internal|kubernetes(?:\.default)?(?:\.svc)?(?:\.cluster\.local)?|[\w.-]{1,60}\.svc\.cluster\.local|[\w.-]{0,60}\.?(?:localtest\.me|lvh\.me|nip\.io|sslip\.io)|[\w-]{1,60}\.localhost)[:/?#\\])/;
// Non-HTTP schemes that turn a URL fetcher into a protocol smuggler or a file reader.
const SSRF_SCHEME = /^\s*(?:gopher|dict|ldap|ldaps|tftp|jar|netdoc|sftp|file):\/{0,3}[^\s]/;
// data: URLs other than ordinary images (an avatar upload is `data:image/png;base64,…`).
// data: URLs other than media and PDFs (avatars and KYC scans arrive as `data:image/png;base64,…`).
const DATA_URL =
  /^\s*data:(?!(?:image\/(?:png|jpe?g|gif|webp|avif|bmp|heic|heif|tiff|x-icon)|application\/pdf|audio\/[\w.+-]{1,40}|video\/[\w.+-]{1,40})[;,])[a-z-]{1,40}\/[\w.+-]{1,60}/;
// Template expressions that evaluate on the server (Jinja2/Twig, ERB/ASP, Ruby/Java EL, Freemarker).
const TEMPLATE_INJECTION =
  /\{\{[^}]{0,200}?(?:\d\s*[*+/-]\s*\d|__\w{1,30}__|\bself\b|\bconfig\b|\brequest\b|\bcycler\b|\bjoiner\b|\blipsum\b|\|\s*attr\b|\.\s*__)|\{%[^%]{0,200}?%\}|<%=?[^%]{0,200}?(?:\(|`|\d\s*[*+/-]\s*\d|\bsystem\b|\bexec\b|\beval\b)[^%]{0,200}?%>|#\{[^}]{0,200}?(?:\d\s*[*+/-]\s*\d|\(|\.\w)[^}]{0,200}\}|\$\{\s*\d{1,6}\s*[*+/-]\s*\d{1,6}\s*\}|<#assign\b|\$\{\s*"freemarker/;
// Expressions a template engine evaluates rather than prints: a call, a member of a literal, class
// introspection, arithmetic on a quoted literal (`{{7*'7'}}`), Smarty and Razor forms, Mako/EL dunders.
// A plain placeholder (`{{first_name}}`, `{{ user.name }}`) is what support tickets quote, and passes.
const TEMPLATE_EXPRESSION =
  /\{\{[^}]{0,200}?(?:[\w\]'")]\s*\(|['"\]]\s*\.\s*\w|\.\s*(?:class|mro|subclasses|base|getclass|forname)\b|\d\s*[*+/-]\s*['"])|\{\$smarty\b|\{php\}|@\(\s*\d{1,6}\s*[*+/-]\s*\d{1,6}\s*\)|\$\{[^}]{0,200}?(?:__\w{1,30}__|\.\s*(?:getclass|forname|getruntime|system|popen)\s*\()/;
// Ruby process and eval entry points.
const RUBY_INJECTION =
  /\b(?:process\s*\.\s*spawn|kernel\s*\.\s*(?:exec|system|spawn|open|eval)|io\s*\.\s*popen|open3\s*\.\s*\w{2,20}|object\s*\.\s*const_get|instance_eval|class_eval|module_eval|binding\s*\.\s*eval)\b|%x[({[]/;

export const GENERIC_RULES: readonly ValueRule[] = [
  regexRule({
    id: "generic-nodejs-injection",
    family: "generic",
    pipeline: "lower",
    pattern: NODE_INJECTION,
  }),
  regexRule({
    id: "generic-node-serialize-base64",
    family: "generic",
    pipeline: "decoded",
    pattern: NODE_SERIALIZE_BASE64,
  }),
  regexRule({
    id: "generic-endless-loop",
    family: "generic",
    pipeline: "compact",
    prefilter: (lower) => lower.includes("while") || lower.includes("for"),
    pattern: ENDLESS_LOOP,
  }),
  valueRule({
    id: "generic-prototype-pollution",
    family: "generic",
    kinds: [
      "query-name",
      "body-name",
      "cookie-name",
      "body-raw",
      "query-value",
      "body-value",
      "cookie-value",
    ],
    pipeline: "lower",
    patterns: [PROTOTYPE_POLLUTION],
    // Names carry the attack (`__proto__[isAdmin]=1`, `{"__proto__": …}`); a raw or string value only
    // when it is itself JSON or a query string that a back end will parse again.
    test: (value, target) => PROTOTYPE_POLLUTION.test(target.kind.endsWith("-name") ? target.name : value),
  }),
  regexRule({
    id: "generic-ssrf-internal-target",
    family: "generic",
    kinds: ARGUMENT_KINDS,
    pipeline: "lower",
    pattern: SSRF_TARGET,
  }),
  regexRule({
    id: "generic-ssrf-scheme",
    family: "generic",
    kinds: ARGUMENT_KINDS,
    pipeline: "lower",
    pattern: SSRF_SCHEME,
  }),
  regexRule({
    id: "generic-data-url",
    family: "generic",
    kinds: [...ARGUMENT_KINDS],
    pipeline: "lower",
    pattern: DATA_URL,
  }),
  regexRule({
    id: "generic-template-injection",
    family: "generic",
    kinds: INJECTION_KINDS,
    pipeline: "lower",
    pattern: TEMPLATE_INJECTION,
  }),
  regexRule({
    id: "generic-template-expression",
    family: "generic",
    kinds: INJECTION_KINDS,
    pipeline: "lower",
    pattern: TEMPLATE_EXPRESSION,
  }),
  regexRule({
    id: "generic-xml-entity-in-value",
    family: "generic",
    kinds: ARGUMENT_KINDS,
    pipeline: "lower",
    pattern: XML_ENTITY_OR_XSLT_CALL,
  }),
  regexRule({ id: "generic-ruby-injection", family: "generic", pipeline: "lower", pattern: RUBY_INJECTION }),
];

export const GENERIC_REQUEST_RULES: readonly RequestRule[] = [
  requestRule({
    id: "generic-xml-entity-declaration",
    family: "generic",
    patterns: [XML_ENTITY_OR_XSLT_CALL],
    // Element names are not collected as targets, so the document is read whole.
    check: ({ request, collected }) =>
      collected.bodyKind === "xml" &&
      XML_ENTITY_OR_XSLT_CALL.test((request.body ?? "").slice(0, 65_536).toLowerCase())
        ? "body"
        : null,
  }),
];
