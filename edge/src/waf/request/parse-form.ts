import { urlDecode } from "../transform/url-decode.ts";

export type Field = { name: string; value: string };

/** `application/x-www-form-urlencoded` and query strings; a part without `=` is a name with an empty value. */
export function parseForm(input: string, limit: number): Field[] {
  const fields: Field[] = [];
  if (input === "") return fields;
  for (const part of input.split("&")) {
    if (part === "") continue;
    if (fields.length >= limit) break;
    const eq = part.indexOf("=");
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? "" : part.slice(eq + 1);
    fields.push({ name: urlDecode(name, true), value: urlDecode(value, true) });
  }
  return fields;
}
