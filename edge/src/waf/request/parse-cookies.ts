import { urlDecode } from "../transform/url-decode.ts";
import type { Field } from "./parse-form.ts";

export function parseCookies(header: string, limit: number): Field[] {
  const cookies: Field[] = [];
  for (const part of header.split(";")) {
    const trimmed = part.trim();
    if (trimmed === "") continue;
    if (cookies.length >= limit) break;
    const eq = trimmed.indexOf("=");
    const name = eq < 0 ? trimmed : trimmed.slice(0, eq).trim();
    const value = eq < 0 ? "" : trimmed.slice(eq + 1).trim();
    cookies.push({ name: urlDecode(name), value: urlDecode(value) });
  }
  return cookies;
}
