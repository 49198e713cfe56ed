import type { RequestContext, RequestRule, ValueRule } from "../rule.ts";
import { decodeHtmlEntities } from "../transform/html-entities.ts";
import { hasMalformedUtf8, MALFORMED_UTF8_PATTERNS } from "../transform/malformed-utf8.ts";
import { urlDecode } from "../transform/url-decode.ts";
import { INJECTION_KINDS, regexRule, requestRule, valueRule } from "./define.ts";

// Headers through which some frameworks let a POST act as another method.
const METHOD_OVERRIDE_HEADERS = ["x-http-method-override", "x-http-method", "x-method-override"];
const ALLOWED_CONTENT_TYPES = new Set([
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "multipart/mixed",
  // navigator.sendBeacon() with a string body sends text/plain.
  "text/plain",
  "text/xml",
  "application/xml",
  "application/soap+xml",
  "application/json",
  "application/problem+json",
  "application/merge-patch+json",
  "application/json-patch+json",
  "application/vnd.api+json",
]);
const ALLOWED_CHARSETS = new Set(["utf-8", "iso-8859-1", "iso-8859-15", "windows-1252", "us-ascii"]);
const CONTENT_TYPE_SYNTAX =
  /^[\w!#$&^.+-]{1,127}\/[\w!#$&^.+*-]{1,127}(?:\s?;\s?(?:action|boundary|charset|component|start(?:-info)?|type|version|profile|q)\s?=\s?(?:"[^"\r\n]{0,200}"|[\w.()+,/:=?<>@#*'-]{1,200}))*\s*$/i;
const VENDOR_JSON = /^application\/vnd\.[\w.-]{1,100}\+json$/;
const SECOND_MEDIA_TYPE =
  /^[^;]*,|,\s*(?:application|text|multipart|image|audio|video|message|model|font)\/[\w.+-]{1,127}\s*(?:;|$)/i;
const CHARSET_PARAMETER = /charset\s*=\s*["']?([\w.:-]{0,64})/gi;
const MIME_IN_PARAMETER =
  /;[^;]{0,200}?\b(?:application|text|multipart|image|audio|video|message|model|font)\s*\/\s*[\w.+-]/i;
// Extensions of backups, databases, configuration and server internals that a casino API never serves.
const RESTRICTED_EXTENSION =
  /\.(?:asa|asax|ascx|axd|backup|bak|bat|cdx|cer|cfg|cmd|config|conf|crt|cs|csproj|csr|dat|db|dbf|dll|dos|htr|htw|ida|idc|idq|inc|ini|licx|lnk|log|mdb|old|pass|pdb|pol|printer|pwd|rdb|resources|resx|sql|sqlite|sqlite3|swp|sys|vb|vbs|vbproj|vsdisco|webinfo|xsd|xsx|sh|bash_history|pem|p12|pfx|jks|keystore|orig|save|tmp|temp|dump|war|ear|class|jar)$/;
const BACKUP_FILE = /(?:~|\.(?:swp|swo|bak|orig|old|save|tmp)|#)$/;
// httpoxy (`Proxy`), WebDAV locking and Next.js's internal middleware header are attacks on sight.
const RESTRICTED_HEADERS = new Set(["proxy", "lock-token", "if", "x-middleware-subrequest"]);
// Legitimate clients do send these (compressed uploads, method override behind old proxies), so
// they only add to other evidence.
const UNUSUAL_HEADERS = new Set([
  "content-range",
  "request-range",
  "content-encoding",
  "x-http-method-override",
  "x-http-method",
  "x-method-override",
]);
const IP_HOST = /^(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?$/i;
const FULLWIDTH_PERCENT_U = /%u(?:ff[0-9a-f]{2}|fe[0-9a-f]{2})/i;
const RANGE_SPEC = /^bytes\s*=\s*(.{0,2000})$/i;
const CONNECTION_TOKEN = /^[\w-]{1,64}$/;
const BACKSLASH_UNICODE_ESCAPE = /\\u[0-9a-f]{4}/i;

const MAX_ARGUMENT_NAME_LENGTH = 256;
const MAX_ARGUMENT_LENGTH = 32_000;
const MAX_ARGUMENTS = 255;
const MAX_TOTAL_ARGUMENT_LENGTH = 64_000;

function header(context: RequestContext, name: string): string | null {
  return context.collected.headers.get(name) ?? null;
}

// Multipart part names and file names are parsed differently by different back ends when they
// contain separators or escapes; that disagreement is how WAF bypasses through multipart work.
// Browsers encode non-ASCII names as named entities (`&auml;`); those semicolons are not separators.
const NAMED_ENTITY = /&[a-z][a-z0-9]{1,10};/gi;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control bytes in part names are the signal
const AMBIGUOUS_PART_NAME = /[;=\\"'\x00-\x1f]/;

export const PROTOCOL_REQUEST_RULES: readonly RequestRule[] = [
  requestRule({
    id: "protocol-backslash-unicode-escape",
    family: "protocol",
    severity: "warning",
    patterns: [BACKSLASH_UNICODE_ESCAPE],
    // `\u0061` in a query or form value is an evasion; in JSON it is ordinary escaping.
    check: (context) => {
      // JSON clients escape with \u as a matter of course, in their query strings too; the signal only
      // exists without them. A JSON Content-Type declares such a client even when there is no body
      // (as CRS does when its JSON body processor is selected).
      if (context.collected.bodyKind === "json") return null;
      const contentType = context.request.contentType ?? header(context, "content-type") ?? "";
      if (contentType.toLowerCase().includes("json")) return null;
      for (const target of context.collected.targets) {
        const fromForm =
          target.kind === "query-value" ||
          (target.kind === "body-value" && context.collected.bodyKind === "form");
        if (fromForm && BACKSLASH_UNICODE_ESCAPE.test(target.value)) return target.name;
      }
      return null;
    },
  }),
  requestRule({
    id: "protocol-multipart-ambiguous-name",
    family: "protocol",
    patterns: [AMBIGUOUS_PART_NAME, NAMED_ENTITY],
    check: (context) => {
      if (context.collected.bodyKind !== "multipart") return null;
      for (const target of context.collected.targets) {
        if (
          (target.kind === "body-name" || target.kind === "file-name") &&
          AMBIGUOUS_PART_NAME.test(decodeHtmlEntities(target.value.replace(NAMED_ENTITY, "x")))
        )
          return target.name;
      }
      return null;
    },
  }),
  requestRule({
    id: "protocol-method-not-allowed",
    family: "protocol",
    // CRS's policy: GET, HEAD, POST and OPTIONS everywhere; PUT, PATCH and DELETE only where the route
    // serves them (the caller passes the route's methods). A method-override header naming a method
    // the route does not serve is the same request in disguise.
    check: (context) => {
      if (!context.allowedMethods.has(context.request.method.toUpperCase())) return "method";
      for (const name of METHOD_OVERRIDE_HEADERS) {
        const override = header(context, name);
        if (override !== null && !context.allowedMethods.has(override.trim().toUpperCase()))
          return `header.${name}`;
      }
      return null;
    },
  }),
  requestRule({
    id: "protocol-body-on-get",
    family: "protocol",
    // Fetch drops GET bodies before a Worker sees them; this only matters behind other front ends.
    severity: "notice",
    check: (context) => {
      const method = context.request.method.toUpperCase();
      if (method !== "GET" && method !== "HEAD") return null;
      if ((context.request.body ?? "") !== "" || header(context, "transfer-encoding") !== null) return "body";
      const length = header(context, "content-length");
      return length !== null && length.trim() !== "0" ? "header.content-length" : null;
    },
  }),
  requestRule({
    id: "protocol-host",
    family: "protocol",
    severity: "warning",
    patterns: [IP_HOST],
    check: (context) => {
      const host = header(context, "host");
      if (host === null || host.trim() === "") return "header.host";
      return IP_HOST.test(host.trim()) ? "header.host" : null;
    },
  }),
  requestRule({
    id: "protocol-empty-client-headers",
    family: "protocol",
    severity: "notice",
    check: (context) => {
      if (header(context, "user-agent")?.trim() === "") return "header.user-agent";
      // Browsers and HTTP libraries send a non-empty Accept, except CORS preflights and iOS's CFNetwork.
      if (
        header(context, "accept")?.trim() === "" &&
        context.request.method !== "OPTIONS" &&
        !(header(context, "user-agent") ?? "").includes("CFNetwork/")
      )
        return "header.accept";
      return null;
    },
  }),
  requestRule({
    id: "protocol-content-type",
    family: "protocol",
    // APIs meet CSV, NDJSON and binary uploads too; an unexpected type is evidence, not an attack.
    severity: "warning",
    patterns: [CONTENT_TYPE_SYNTAX, CHARSET_PARAMETER, MIME_IN_PARAMETER, SECOND_MEDIA_TYPE, VENDOR_JSON],
    check: (context) => {
      // The caller passes the parsed Content-Type; fall back to the header for direct use.
      const given = context.request.contentType;
      const contentType = given !== null && given !== "" ? given : header(context, "content-type");
      const hasBody = (context.request.body ?? "") !== "";
      if (contentType === null) return hasBody ? "header.content-type" : null;
      // Two Content-Type headers arrive joined by a comma (a comma inside a boundary is legal); without
      // a body the duplicate is harmless, so the first value is judged alone.
      if (hasBody && SECOND_MEDIA_TYPE.test(contentType)) return "header.content-type";
      const judged = hasBody ? contentType : (contentType.split(",")[0] ?? "");
      if (!CONTENT_TYPE_SYNTAX.test(judged)) return "header.content-type";
      if (MIME_IN_PARAMETER.test(judged)) return "header.content-type";
      const mime = (judged.split(";")[0] ?? "").trim().toLowerCase();
      // Only the JSON dialects the services speak plus versioned vendor types
      // (`application/vnd.acme.bet-v2+json`): CloudEvents and browser reports have no endpoint here,
      // and multipart/related is a SOAP attachment format.
      if (!ALLOWED_CONTENT_TYPES.has(mime) && !VENDOR_JSON.test(mime)) return "header.content-type";
      const charsets = [...judged.matchAll(CHARSET_PARAMETER)].map((match) =>
        (match[1] ?? "").toLowerCase().replaceAll("'", ""),
      );
      if (charsets.length > 1 || charsets.some((charset) => !ALLOWED_CHARSETS.has(charset)))
        return "header.content-type";
      return null;
    },
  }),
  requestRule({
    id: "protocol-restricted-extension",
    family: "protocol",
    patterns: [RESTRICTED_EXTENSION, BACKUP_FILE],
    check: (context) => {
      const segments = urlDecode(context.collected.rawPath).toLowerCase().split("/");
      const last = segments[segments.length - 1] ?? "";
      if (RESTRICTED_EXTENSION.test(last)) return "path";
      return segments.some((segment) => BACKUP_FILE.test(segment)) ? "path" : null;
    },
  }),
  requestRule({
    id: "protocol-restricted-header",
    family: "protocol",
    check: (context) => {
      let found: string | null = null;
      for (const name of context.collected.headers.keys()) {
        if (found === null && RESTRICTED_HEADERS.has(name)) found = `header.${name}`;
      }
      return found;
    },
  }),
  requestRule({
    id: "protocol-unusual-header",
    family: "protocol",
    severity: "warning",
    check: (context) => {
      let found: string | null = null;
      for (const name of context.collected.headers.keys()) {
        if (found === null && UNUSUAL_HEADERS.has(name)) found = `header.${name}`;
      }
      return found;
    },
  }),
  requestRule({
    id: "protocol-invalid-utf8",
    family: "protocol",
    // Disguised UTF-8 (overlong, surrogate, out-of-range, cut-short sequences) is how `/` and `.` get
    // past filters that decoders later restore; bytes of legacy single-byte charsets (`%E9` for é in
    // Latin-1, EBCDIC form posts) are not flagged. A warning: it adds to other evidence only.
    severity: "warning",
    patterns: [...MALFORMED_UTF8_PATTERNS, FULLWIDTH_PERCENT_U],
    check: (context) => {
      const { rawPath, rawQuery } = context.collected;
      if (hasMalformedUtf8(rawQuery) || hasMalformedUtf8(rawPath)) return "query";
      if (FULLWIDTH_PERCENT_U.test(rawQuery) || FULLWIDTH_PERCENT_U.test(rawPath)) return "query";
      const body = context.request.body ?? "";
      if (context.collected.bodyKind === "form" && (hasMalformedUtf8(body) || FULLWIDTH_PERCENT_U.test(body)))
        return "body";
      return null;
    },
  }),
  requestRule({
    id: "protocol-range",
    family: "protocol",
    patterns: [RANGE_SPEC],
    check: (context) => {
      const range = header(context, "range");
      if (range === null) return null;
      const spec = RANGE_SPEC.exec(range.trim());
      // Only byte ranges are defined; other units are ignored by servers, so they are not an attack.
      if (!spec) return null;
      const parts = (spec[1] ?? "").split(",");
      if (parts.length > 100) return "header.range";
      for (const part of parts) {
        const [first, last] = part.trim().split("-");
        if (
          first !== undefined &&
          last !== undefined &&
          first !== "" &&
          last !== "" &&
          Number(last) < Number(first)
        )
          return "header.range";
      }
      return null;
    },
  }),
  requestRule({
    id: "protocol-connection-header",
    family: "protocol",
    patterns: [CONNECTION_TOKEN],
    severity: "warning",
    check: (context) => {
      const connection = header(context, "connection");
      if (connection === null) return null;
      const tokens = connection
        .toLowerCase()
        .split(",")
        .map((token) => token.trim());
      const close = tokens.includes("close");
      const keepAlive = tokens.includes("keep-alive");
      const repeated = new Set(tokens).size !== tokens.length;
      return (close && keepAlive) || repeated || tokens.some((token) => !CONNECTION_TOKEN.test(token))
        ? "header.connection"
        : null;
    },
  }),
  requestRule({
    id: "protocol-accept-header",
    family: "protocol",
    severity: "warning",
    patterns: [CHARSET_PARAMETER],
    check: (context) => {
      const accept = header(context, "accept");
      if (accept === null || accept.trim() === "") return null;
      if (accept.length > 1000) return "header.accept";
      // Browsers send sloppy but harmless Accept values; only a charset we do not serve is a signal
      // (a UTF-7 or EBCDIC response would let markup past output encoding).
      for (const match of accept.matchAll(CHARSET_PARAMETER)) {
        if (!ALLOWED_CHARSETS.has((match[1] ?? "").toLowerCase())) return "header.accept";
      }
      return null;
    },
  }),
  requestRule({
    id: "protocol-accept-encoding-length",
    family: "protocol",
    severity: "error",
    check: (context) =>
      (header(context, "accept-encoding")?.length ?? 0) > 100 ? "header.accept-encoding" : null,
  }),
  requestRule({
    id: "protocol-argument-limits",
    family: "protocol",
    check: (context) => {
      let count = 0;
      let total = 0;
      for (const target of context.collected.targets) {
        // JSON keys repeat per array element (a bet slip has hundreds), so only query and form
        // fields count towards the parameter limit.
        const formField =
          target.kind === "query-name" ||
          (target.kind === "body-name" && context.collected.bodyKind !== "json");
        if (formField) count++;
        if (target.kind === "query-name" || target.kind === "body-name") {
          if (target.value.length > MAX_ARGUMENT_NAME_LENGTH) return target.name;
        }
        if (target.kind === "query-value" || target.kind === "body-value") {
          total += target.value.length;
          if (target.value.length > MAX_ARGUMENT_LENGTH) return target.name;
        }
      }
      return count > MAX_ARGUMENTS || total > MAX_TOTAL_ARGUMENT_LENGTH ? "arguments" : null;
    },
  }),
];

// CR/LF followed by header names or a status line: response splitting and request smuggling.
const RESPONSE_SPLITTING =
  /[\r\n]\W{0,20}?(?:content-(?:type|length|disposition)|set-cookie|location|refresh|x-[\w-]{1,40}|remote-addr|host|via|cookie|(?:x-)?forwarded-[\w-]{1,20})\s*:[ \t]*\S/;
const ENCODED_HEADER_BREAK = /[\r\n][\w-]{1,60}\s*:/;
const SMUGGLED_REQUEST =
  /\b(?:get|post|head|options|connect|put|delete|trace|track|patch|propfind|proppatch|mkcol|copy|move|lock|unlock)\s+[^\s]{1,2000}\s+http\/\d/;
const INJECTED_RESPONSE =
  /[\r\n][\s\S]{0,20}?(?:http\/\d(?:\.\d)?\s+\d{3}|<\s*(?:html|meta|body|script)\b)|<meta\b[^>]{0,200}http-equiv\s*=\s*["']?refresh/;
const NEWLINE = /[\r\n]/;
const LDAP_INJECTION =
  // Every injection closes the application's filter first: a complete filter `(&(a=b)(c=d))` is data.
  // `*(|(mail=*))` appends an OR filter to a wildcard value.
  /\)\s*\(\s*[|&!]|\)\s*[|&!]\s*\(|\*\s*\)\s*\(|\)\s*\(\s*[\w.-]{1,60}\s*[~<>]?=|^\s*\*\s*\)|\)\s*\(\s*\||\*\s*\(\s*[|&!]\s*\(\s*[\w.-]{1,60}\s*[~<>]?=/;
/** `(&(a=b)(c=d))`: a whole filter someone typed into a search box, not a break out of one. */
function isCompleteLdapFilter(value: string): boolean {
  const trimmed = value.trim();
  if (!trimmed.startsWith("(") || !trimmed.endsWith(")")) return false;
  let depth = 0;
  for (let i = 0; i < trimmed.length; i++) {
    if (trimmed[i] === "(") depth++;
    else if (trimmed[i] === ")") {
      depth--;
      if (depth < 0) return false;
      if (depth === 0 && i < trimmed.length - 1 && trimmed[i + 1] !== "(") return false;
    }
  }
  return depth === 0;
}

/** Hundreds of one repeated character: a buffer-overflow or parser-exhaustion probe, never data. */
function hasLongRun(value: string, limit: number): boolean {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value.charCodeAt(i) === value.charCodeAt(i - 1) ? run + 1 : 1;
    if (run >= limit) return true;
  }
  return false;
}
// biome-ignore lint/suspicious/noControlCharactersInRegex: the NUL character is the signal
const NULL_BYTE = /\x00|%00/;
const MOD_PROXY_UNIX = /unix:[^|]{0,4000}\|/;

export const PROTOCOL_VALUE_RULES: readonly ValueRule[] = [
  valueRule({
    id: "protocol-null-byte",
    family: "protocol",
    kinds: [
      "path",
      "query-name",
      "query-value",
      "body-name",
      "body-value",
      "cookie-name",
      "cookie-value",
      "header",
      "file-name",
    ],
    headers: undefined,
    pipeline: "raw",
    patterns: [NULL_BYTE],
    needs: NULL_BYTE,
    test: (value) => value.indexOf("\u0000") >= 0 || value.indexOf("%00") >= 0,
  }),
  regexRule({
    id: "protocol-response-splitting",
    family: "protocol",
    prefilter: (lower) => lower.includes("\n") || lower.includes("\r"),
    kinds: [...INJECTION_KINDS],
    headers: undefined,
    pipeline: "lower",
    pattern: RESPONSE_SPLITTING,
  }),
  valueRule({
    // A header value that decodes to a line break and a header name (`data%0dInjected: x`) splits the
    // header block wherever the value is copied into a response or an upstream request.
    id: "protocol-header-encoded-newline",
    family: "protocol",
    kinds: ["header"],
    headers: undefined,
    // The `decoded` pipeline (and the prefilter's view) drops control characters; this rule needs them.
    pipeline: "raw",
    patterns: [ENCODED_HEADER_BREAK],
    test: (value) => value.includes("%0") && ENCODED_HEADER_BREAK.test(urlDecode(value)),
  }),
  regexRule({
    id: "protocol-request-smuggling",
    family: "protocol",
    pipeline: "lower",
    prefilter: (lower) => lower.includes("http/"),
    pattern: SMUGGLED_REQUEST,
  }),
  regexRule({
    id: "protocol-injected-response",
    family: "protocol",
    pipeline: "lower",
    pattern: INJECTED_RESPONSE,
  }),
  valueRule({
    id: "protocol-newline-in-name",
    family: "protocol",
    kinds: ["query-name", "body-name", "cookie-name", "path"],
    pipeline: "decoded",
    patterns: [NEWLINE],
    needs: NEWLINE,
    test: (value) => NEWLINE.test(value),
  }),
  valueRule({
    id: "protocol-overflow-probe",
    family: "protocol",
    kinds: ["path", "query-name", "query-value", "body-name", "body-value", "cookie-value", "header"],
    headers: undefined,
    pipeline: "raw",
    prefilter: (lower) => lower.length >= 512,
    test: (value) => hasLongRun(value, 512),
  }),
  valueRule({
    id: "protocol-ldap-injection",
    family: "protocol",
    pipeline: "decoded",
    patterns: [LDAP_INJECTION],
    needs: LDAP_INJECTION,
    test: (value) => LDAP_INJECTION.test(value) && !isCompleteLdapFilter(value),
  }),
  regexRule({
    id: "protocol-mod-proxy-unix-socket",
    family: "protocol",
    kinds: ["path", "query-name", "query-value"],
    pipeline: "lower",
    pattern: MOD_PROXY_UNIX,
  }),
  regexRule({
    id: "protocol-legacy-cookie",
    family: "protocol",
    kinds: ["cookie-name"],
    pipeline: "lower",
    pattern: /^\$(?:version|path|domain)$/,
  }),
];
