import { readHeaders } from "../../http/read-headers.ts";
import { urlDecode } from "../transform/url-decode.ts";
import type { Target, WafRequest } from "../types.ts";
import { flattenJson } from "./flatten-json.ts";
import { parseCookies } from "./parse-cookies.ts";
import { type Field, parseForm } from "./parse-form.ts";
import { parseMultipart } from "./parse-multipart.ts";
import { extractXml } from "./parse-xml.ts";
import { splitUrl } from "./split-url.ts";

/** Upper bound on inspected fields; requests beyond it are flagged by the protocol rules instead. */
export const MAX_FIELDS = 1000;

const PLAIN_SEGMENT = /^[\w.~-]*$/;
const TRAILING_LINE_BREAK = /(?:\r?\n|%0d%0a|%0a)$/i;
export const COLLECT_PATTERNS: readonly RegExp[] = [PLAIN_SEGMENT, TRAILING_LINE_BREAK];

export type CollectedRequest = {
  targets: Target[];
  rawPath: string;
  rawQuery: string;
  /** Body fields the application will parse, or -1 when the body is opaque. */
  fieldCount: number;
  bodyParseError: boolean;
  bodyKind: "none" | "form" | "json" | "multipart" | "xml" | "text";
  /**
   * The request's headers read once, as `Headers.get` returns them (lower-case names, repeated headers
   * joined by ", "), in `Headers` iteration order. In workerd every `Headers` call crosses into the
   * runtime, so rules read this copy.
   */
  headers: ReadonlyMap<string, string>;
};

function pushFields(
  targets: Target[],
  fields: Field[],
  prefix: string,
  nameKind: Target["kind"],
  valueKind: Target["kind"],
) {
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as Field;
    if (field.name !== "")
      targets.push({ kind: nameKind, name: `${prefix}.${field.name}`, value: field.name });
    if (field.value !== "")
      targets.push({ kind: valueKind, name: `${prefix}.${field.name}`, value: field.value });
  }
}

function bodyKindOf(contentType: string | null, body: string): CollectedRequest["bodyKind"] {
  const type = (contentType ?? "").toLowerCase();
  if (type.includes("json")) return "json";
  if (type.startsWith("application/x-www-form-urlencoded")) return "form";
  if (type.startsWith("multipart/")) return "multipart";
  if (type.includes("xml")) return "xml";
  if (type === "") {
    const first = body.trimStart()[0];
    if (first === "{" || first === "[") return "json";
    if (first === "<") return "xml";
    // Browsers and HTTP clients default a bare body to form encoding; parse it as the back end would.
    return "form";
  }
  return "text";
}

// Header names repeat on every request; their target names (also the rule planner's key) are built once
// per isolate instead of concatenated per request. Bounded: header names come from the client.
const headerTargetNames = new Map<string, string>();
const MAX_REMEMBERED_HEADER_NAMES = 256;

function headerTargetName(name: string): string {
  let targetName = headerTargetNames.get(name);
  if (targetName === undefined) {
    targetName = `header.${name}`;
    if (headerTargetNames.size < MAX_REMEMBERED_HEADER_NAMES) headerTargetNames.set(name, targetName);
  }
  return targetName;
}

export function collectTargets(request: WafRequest): CollectedRequest {
  const targets: Target[] = [];
  const { path, query } = splitUrl(request.url);
  targets.push({ kind: "path", name: "path", value: urlDecode(path) });
  const segments = path.split("/");
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    // Plain REST segments (ids, slugs) cannot carry an injection; skip them to keep the path cheap.
    if (segment !== "" && !PLAIN_SEGMENT.test(segment)) {
      targets.push({ kind: "path-segment", name: "path.segment", value: urlDecode(segment) });
    }
  }
  pushFields(targets, parseForm(query, MAX_FIELDS), "query", "query-name", "query-value");

  const headers = request.headers instanceof Map ? request.headers : readHeaders(request.headers as Headers);
  headers.forEach((value, name) => {
    if (name === "cookie") {
      pushFields(targets, parseCookies(value, MAX_FIELDS), "cookie", "cookie-name", "cookie-value");
    } else {
      targets.push({ kind: "header", name: headerTargetName(name), value });
    }
  });

  let fieldCount = -1;
  let bodyParseError = false;
  const body = request.body ?? "";
  const bodyKind = body === "" ? "none" : bodyKindOf(request.contentType, body);
  if (bodyKind === "form") {
    // Many clients end a form body with a line break; it belongs to no field.
    const fields = parseForm(body.replace(TRAILING_LINE_BREAK, ""), MAX_FIELDS);
    fieldCount = fields.length;
    pushFields(targets, fields, "body", "body-name", "body-value");
  } else if (bodyKind === "json") {
    try {
      const { values, keys } = flattenJson(JSON.parse(body), MAX_FIELDS);
      fieldCount = values.length + keys.length;
      // Indexed loops: this runs once per request, often before the optimising compiler has reached it,
      // and an unoptimised for-of allocates an iterator result per element.
      for (let i = 0; i < keys.length; i++) targets.push(keys[i] as Target);
      for (let i = 0; i < values.length; i++) targets.push(values[i] as Target);
    } catch {
      bodyParseError = true;
      targets.push({ kind: "body-raw", name: "body", value: body });
    }
  } else if (bodyKind === "multipart") {
    const parts = parseMultipart(body, request.contentType ?? "", MAX_FIELDS);
    if (parts === null) {
      bodyParseError = true;
      targets.push({ kind: "body-raw", name: "body", value: body });
    } else {
      fieldCount = parts.length;
      for (const part of parts) {
        if (part.name !== "")
          targets.push({ kind: "body-name", name: `body.${part.name}`, value: part.name });
        if (part.filename !== null && part.filename !== "") {
          targets.push({ kind: "file-name", name: `body.${part.name}.filename`, value: part.filename });
        }
        // File contents (KYC scans, PDFs with XMP metadata) are binary data for storage, not input
        // the application interprets; only their names are inspected.
        if (part.value !== "") {
          targets.push({
            kind: part.filename === null ? "body-value" : "file-content",
            name: `body.${part.name}`,
            value: part.value,
          });
        }
      }
    }
  } else if (bodyKind === "xml") {
    // Element and attribute names are schema, not data: only text and attribute values are inspected.
    const fields = extractXml(body, MAX_FIELDS).filter(
      (field) => field.name !== "xml.element" && field.name !== "xml.attribute-name",
    );
    fieldCount = fields.length;
    for (const field of fields)
      targets.push({ kind: "body-value", name: `body.${field.name}`, value: field.value });
  } else if (bodyKind === "text") {
    targets.push({ kind: "body-raw", name: "body", value: body });
  }
  return { targets, rawPath: path, rawQuery: query, fieldCount, bodyParseError, bodyKind, headers };
}
