import type { Exclusion, RouteExclusions } from "./types.ts";

// Secrets are hashed or forwarded, never rendered or queried, and real users pick passwords such as
// `' OR 1=1 --` or `<3Casino!`. Inspecting them blocks genuine players and buys nothing, so every
// family is excluded for password fields on the routes that carry them.
const PASSWORD_FIELDS: Exclusion[] = [
  { target: "*password" },
  { target: "*passwordConfirmation" },
  { target: "*password_confirmation" },
  { target: "*passphrase" },
];

/** The platform's default per-route exclusions; a deployment may pass its own table instead. */
export const DEFAULT_ROUTE_EXCLUSIONS: readonly RouteExclusions[] = [
  { routeId: "auth.register", exclude: PASSWORD_FIELDS },
  { routeId: "auth.login", exclude: PASSWORD_FIELDS },
  { routeId: "auth.password-change", exclude: PASSWORD_FIELDS },
  { routeId: "auth.password-reset", exclude: PASSWORD_FIELDS },
];

/**
 * `target` matches exactly; by prefix when it ends with `*` (`body.address.*`); by suffix, ignoring
 * case, when it starts with `*` (`*password` covers `body.newPassword` and `body.credentials.password`);
 * absent means any target.
 */
export function targetMatches(pattern: string | undefined, target: string): boolean {
  if (pattern === undefined || pattern === "*") return true;
  if (pattern.startsWith("*")) return target.toLowerCase().endsWith(pattern.slice(1).toLowerCase());
  if (pattern.endsWith("*")) return target.startsWith(pattern.slice(0, -1));
  return pattern === target;
}

export function exclusionsFor(table: readonly RouteExclusions[], routeId: string): Exclusion[] {
  const result: Exclusion[] = [];
  for (const entry of table) if (entry.routeId === routeId) result.push(...entry.exclude);
  return result;
}

export function isExcluded(
  exclusions: readonly Exclusion[],
  ruleId: string,
  family: string,
  target: string,
): boolean {
  for (const exclusion of exclusions) {
    if (exclusion.ruleId !== undefined && exclusion.ruleId !== ruleId) continue;
    if (exclusion.family !== undefined && exclusion.family !== family) continue;
    if (targetMatches(exclusion.target, target)) return true;
  }
  return false;
}
