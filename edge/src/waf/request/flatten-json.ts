import type { Field } from "./parse-form.ts";

/**
 * Flattens parsed JSON into dotted paths (`player.address[0].city`). Keys are fields too: attackers
 * put payloads in keys when an application reflects or queries by them. Numbers, booleans and null
 * carry no payload and are skipped, which keeps amount-heavy casino bodies cheap to inspect.
 */
export function flattenJson(value: unknown, limit: number): { values: Field[]; keys: Field[] } {
  const values: Field[] = [];
  const keys: Field[] = [];
  const stack: { path: string; node: unknown; depth: number }[] = [{ path: "", node: value, depth: 0 }];
  while (stack.length > 0 && values.length + keys.length < limit) {
    const { path, node, depth } = stack.pop() as { path: string; node: unknown; depth: number };
    if (typeof node === "string") {
      values.push({ name: path, value: node });
    } else if (Array.isArray(node)) {
      if (depth > 64) continue;
      for (let i = node.length - 1; i >= 0; i--)
        stack.push({ path: `${path}[${i}]`, node: node[i], depth: depth + 1 });
    } else if (node !== null && typeof node === "object") {
      if (depth > 64) continue;
      const entries = Object.entries(node as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i] as [string, unknown];
        const childPath = path === "" ? key : `${path}.${key}`;
        keys.push({ name: childPath, value: key });
        stack.push({ path: childPath, node: child, depth: depth + 1 });
      }
    }
  }
  return { values, keys };
}
