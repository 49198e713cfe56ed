import type { Target } from "../types.ts";

/** Deeper nesting is not descended into; no API of the platform nests anywhere near it. */
const MAX_DEPTH = 64;

/**
 * Flattens parsed JSON into targets named by dotted paths under `body` (`body.player.address[0].city`).
 * Keys are targets too (`body-name`): attackers put payloads in keys when an application reflects or
 * queries by them. Numbers, booleans and null carry no payload and are skipped, which keeps amount-heavy
 * casino bodies cheap to inspect. An object's keys come before its members' contents, depth first;
 * at most `limit` keys and values are taken.
 *
 * Targets are built here directly (no intermediate records, each name concatenated once): this runs on
 * every JSON request, and what it allocates decides how often the isolate has to collect garbage.
 */
export function flattenJson(value: unknown, limit: number): { values: Target[]; keys: Target[] } {
  const values: Target[] = [];
  const keys: Target[] = [];
  const visit = (node: unknown, name: string, isRoot: boolean, depth: number): void => {
    if (values.length + keys.length >= limit) return;
    if (typeof node === "string") {
      values.push({ kind: "body-value", name, value: node });
    } else if (Array.isArray(node)) {
      if (depth > MAX_DEPTH) return;
      for (let i = 0; i < node.length; i++) visit(node[i], `${name}[${i}]`, false, depth + 1);
    } else if (node !== null && typeof node === "object") {
      if (depth > MAX_DEPTH) return;
      const prefix = isRoot ? name : `${name}.`;
      const object = node as Record<string, unknown>;
      const names = Object.keys(object);
      const first = keys.length;
      for (let i = 0; i < names.length; i++) {
        const key = names[i] as string;
        keys.push({ kind: "body-name", name: prefix + key, value: key });
      }
      for (let i = 0; i < names.length; i++) {
        const key = names[i] as string;
        visit(object[key], (keys[first + i] as Target).name, false, depth + 1);
      }
    }
  };
  visit(value, "body.", true, 0);
  return { values, keys };
}
