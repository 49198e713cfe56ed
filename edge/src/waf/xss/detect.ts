import { stripSqlBlockComments } from "../transform/comments.ts";
import { decodeBackslashEscapes } from "../transform/escapes.ts";
import { urlDecode } from "../transform/url-decode.ts";
import { scanTags } from "./scan-tags.ts";
import { ACTIVE_ELEMENTS, isEventHandlerName, URL_ATTRIBUTES } from "./vocabulary.ts";

// Elements that only matter with a hostile attribute (checked separately) are not in this set.
const ALWAYS_ACTIVE = new Set(
  [...ACTIVE_ELEMENTS].filter(
    // Inert on their own (an empty <svg> or <math> is an upload or a formula); they count only with a
    // hostile attribute or child, which the other checks catch.
    (name) =>
      !["html", "body", "form", "image", "use", "set", "template", "param", "svg", "math"].includes(name),
  ),
);

// Browsers drop tabs, newlines and NULs inside a URL scheme (`java\tscript:`).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control bytes is the point
const URL_NOISE = /[\s\x00-\x1f]+/g;
const SCRIPT_SCHEME =
  /(?:java|vb|live|ecma)script:|mocha:|data:\s*(?:text\/html|image\/svg|application\/(?:x-|xhtml|ecmascript|javascript))/;
// A scheme that is followed by code, anywhere in the value (redirect parameters, injected hrefs).
const SCRIPT_URL_IN_VALUE = /(?:^|[\s"'`=(,;:<>[{])(?:java|vb|live)script:[^\s]/;
const DATA_HTML_URL =
  /(?:^|[\s"'`=(])data:(?:text\/html|image\/svg\+xml|application\/x-?(?:java|ecma)script)[;,]|(?:^|[\s"'`=(])data:[^,]{0,100},\s*<[a-z!?]/;
const EVENT_ATTRIBUTE_OUTSIDE_TAG = /(^|[\s"'`;/+])(on[a-z]{3,40}|formaction|srcdoc|xlink:href)\s*=\s*(.?)/g;
const JS_CALL =
  /(?:^|[^\w$.])(?:alert|prompt|confirm|eval|settimeout|setinterval|execscript|msgbox|showmodaldialog|unescape|fromcharcode|atob|btoa)\s*(?:\(|`)/;
const JS_CALL_PROSE_ARGUMENT = /(?:alert|prompt|confirm)\s*\((?:e?s|ed|ing)\)/;
// Sinks count when used as code (called, assigned, concatenated); "document.cookie consent" is prose.
const JS_SINK =
  /(?:\bdocument\s*\.\s*(?:cookie|write|writeln|domain|location|body|documentelement|forms|createelement|execcommand)\b|\b(?:window|top|self|parent)\s*\.\s*(?:location|open|name|eval)\b|\blocation\s*\.\s*(?:href|hash|search|replace|assign)\b|\.\s*(?:innerhtml|outerhtml|insertadjacenthtml|parentnode|appendchild|srcdoc|textcontent|innertext|queryselector(?:all)?|getelementbyid|getelementsby\w+)\b|\b(?:localstorage|sessionstorage)\s*\.|\bxmlhttprequest\b|\bnew\s+function\s*\(|\.constructor\s*\(|\bconstructor\s*\.\s*constructor\b|\bimport\s*\(\s*['"`]|\bimport\s*\{[^}]{0,200}\}\s*from\s*['"`]|\bimport\s+[\w$]{1,40}\s+from\s*['"`])(?=\s*(?:[-)(;+=,.[\]'"`}]|$))/;
const JS_GLOBAL_INDEX =
  /\b(?:self|top|window|parent|frames|globalthis|document)\)?\[[^\]]{0,200}?(?:['"`+]|\]\s*\()|\(\s*(?:self|top|window|parent|frames|globalthis|document)\s*\)\s*\[/;
const TAGGED_TEMPLATE_CALL =
  /\b(?:alert|prompt|confirm|eval|fetch|settimeout|setinterval|function|call|apply|bind)\s*`/;
const THROW_HANDLER =
  /\bonerror\s*=\s*[\w$.]+\s*;?\s*throw\b|\bthrow\s*onerror\b|\bonerror\s*=\s*(?:alert|eval|prompt|confirm)\b/;
const JSFUCK = /[[\]()!+]{24,}|!!\[\]|\(!\[\]/;
const ANY_WHITESPACE = /\s+/g;
const ANY_HANDLER_NAME = /^on[a-z]{3,40}$/;
const UTF7_BRACKET = /\+ad[wz]-|\+ad4-/;
const CSS_SCRIPT =
  /(?:[:=;{]\s*|\bstyle\s*=.{0,100}?)expression\s*\(|-moz-binding\s*:|\bbehavior\s*:\s*url|@import\b.{0,200}?(?:url|["'])|url\s*\(\s*['"]?\s*(?:java|vb)script\b/;
const TEMPLATE_INJECTION =
  /\{\{[^}]{0,200}?(?:constructor|\$on|\$eval|\$emit|alert|prompt|confirm|\[\s*['"`])/;
// Script elements (also namespaced), IE's `<?import`, CDATA and DTD tricks, XML external entities,
// server-side includes, and tag names spelled out with spaces (`<f o r m`, `< x: script`).
const XML_SCRIPT =
  /<\s*(?:[\w-]+:)?script\b|<\s*[\w-]+\s*:\s*script\b|<\?\s*import\b|<!\s*\[cdata\[|!entity\s+%?\s*[\w.-]+\s+(?:system|public)\b|<!entity\b|<!doctype\b[^>]{0,200}?\[|<!--\s*#\s*(?:exec|include|echo|set|config|printenv|fsize|flastmod)\b|<\s*[a-z](?:\s{1,5}[a-z]){2,20}\b/;
// US-ASCII "¼script¾…¼/script¾": the high bit stripped by a 7-bit decoder leaves `<script>…</script>`.
const MALFORMED_ASCII_TAG =
  /\u00bc[a-z]{2,20}[^\u00be]{0,40}\u00be[^\u00bc]{0,400}\u00bc\/[a-z]{2,20}[^\u00be]{0,4}\u00be/;

/**
 * What `detectScriptContext` needs to find anything: each of its answers comes from one of these
 * matching the value or a copy of it with characters removed (comments, whitespace), which stays in
 * any alphabet the value is written in.
 */
export const SCRIPT_CONTEXT_SHAPES: readonly RegExp[] = [
  SCRIPT_URL_IN_VALUE,
  DATA_HTML_URL,
  SCRIPT_SCHEME,
  EVENT_ATTRIBUTE_OUTSIDE_TAG,
  JS_CALL,
  JS_SINK,
  JS_GLOBAL_INDEX,
  TAGGED_TEMPLATE_CALL,
  THROW_HANDLER,
  JSFUCK,
  CSS_SCRIPT,
  TEMPLATE_INJECTION,
];

export const XSS_PATTERNS: readonly RegExp[] = [
  URL_NOISE,
  SCRIPT_SCHEME,
  SCRIPT_URL_IN_VALUE,
  DATA_HTML_URL,
  EVENT_ATTRIBUTE_OUTSIDE_TAG,
  JS_CALL,
  JS_CALL_PROSE_ARGUMENT,
  JS_SINK,
  JS_GLOBAL_INDEX,
  TAGGED_TEMPLATE_CALL,
  THROW_HANDLER,
  JSFUCK,
  UTF7_BRACKET,
  CSS_SCRIPT,
  TEMPLATE_INJECTION,
  XML_SCRIPT,
  MALFORMED_ASCII_TAG,
  ANY_WHITESPACE,
  ANY_HANDLER_NAME,
];

/** HTML injection: tags that run script, event handlers, script URLs in URL attributes. */
export function detectHtmlInjection(lower: string): string | null {
  if (XML_SCRIPT.test(lower)) return "script-element";
  if (lower.indexOf("<") < 0) return null;
  for (const tag of scanTags(lower)) {
    // Namespaced names (`x:script`, `:vmlframe`) are judged by their local part: XMP's `x:xmpmeta` is data.
    const localName = tag.name.slice(tag.name.lastIndexOf(":") + 1);
    if (ALWAYS_ACTIVE.has(localName) || tag.name.startsWith("?import")) return `element:${tag.name}`;
    // XInclude (`<xi:include href=…>`) pulls remote or local documents into the parsed tree.
    if (localName === "include" && localName !== tag.name) return "xinclude";
    for (const attribute of tag.attributes) {
      // Inside an injected tag any `on…` attribute counts: browsers keep adding events, and filter
      // probes (`<x onxxx=1>`) test exactly this.
      if (isEventHandlerName(attribute.name) || ANY_HANDLER_NAME.test(attribute.name)) return "event-handler";
      // Schema locations and XLink make the parser fetch or navigate to attacker-chosen URLs.
      if (attribute.name.endsWith(":schemalocation") || attribute.name.startsWith("xlink:")) {
        return "namespace-attribute";
      }
      const value = attribute.value.replace(URL_NOISE, "");
      if ((URL_ATTRIBUTES.has(attribute.name) || attribute.name === "style") && SCRIPT_SCHEME.test(value))
        return "script-url";
      if (attribute.name === "style" && CSS_SCRIPT.test(`style=${value}`)) return "css-script";
    }
  }
  return null;
}

/** Script that would run once the value lands in an attribute, URL or inline script. */
export function detectScriptContext(input: string): string | null {
  // JavaScript ignores comments between tokens (`document/**/.cookie`).
  const lower = stripSqlBlockComments(input);
  const compact = lower.replace(URL_NOISE, "");
  if (SCRIPT_URL_IN_VALUE.test(compact) || DATA_HTML_URL.test(compact)) return "script-url";
  // A scheme broken up by tabs or newlines is never prose.
  if (compact.includes("script:") && SCRIPT_SCHEME.test(compact) && !SCRIPT_SCHEME.test(lower))
    return "script-url";
  if (lower.indexOf("on") >= 0) {
    EVENT_ATTRIBUTE_OUTSIDE_TAG.lastIndex = 0;
    for (
      let match = EVENT_ATTRIBUTE_OUTSIDE_TAG.exec(lower);
      match !== null;
      match = EVENT_ATTRIBUTE_OUTSIDE_TAG.exec(lower)
    ) {
      const name = match[2] as string;
      const handler = isEventHandlerName(name) || !name.startsWith("on");
      // `x" onfocus=` breaks out of an attribute even before any script follows.
      const breaksOut = match[1] === '"' || match[1] === "'" || match[1] === "`";
      const endsValue = match.index + match[0].length >= lower.trimEnd().length;
      if (handler && (match[3] !== "" || breaksOut || endsValue)) return "event-handler-attribute";
    }
  }
  if (JS_CALL.test(lower) && !JS_CALL_PROSE_ARGUMENT.test(lower)) return "js-call";
  if (JS_SINK.test(lower)) return "js-sink";
  if (JS_GLOBAL_INDEX.test(compact)) return "js-global-index";
  if (TAGGED_TEMPLATE_CALL.test(lower) || THROW_HANDLER.test(lower)) return "js-call-without-parentheses";
  if (JSFUCK.test(lower.replace(ANY_WHITESPACE, ""))) return "jsfuck";
  if (CSS_SCRIPT.test(lower)) return "css-script";
  if (TEMPLATE_INJECTION.test(lower)) return "template-injection";
  return null;
}

export function detectEncodingTricks(raw: string): string | null {
  const rawLower = decodeBackslashEscapes(raw).toLowerCase();
  // UTF-7 survives any number of URL-encoding layers; look through them.
  let layered = rawLower;
  for (let round = 0; round < 3 && layered.includes("%"); round++) layered = urlDecode(layered);
  if (UTF7_BRACKET.test(layered)) return "utf7";
  if (UTF7_BRACKET.test(rawLower)) return "utf7";
  if (MALFORMED_ASCII_TAG.test(rawLower)) return "malformed-ascii";
  return null;
}
