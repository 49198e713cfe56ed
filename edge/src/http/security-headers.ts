/**
 * Headers every edge answer carries. Account and money responses must not sit in shared caches, so
 * `no-store` applies unless the origin chose a caching policy itself (the public game catalogue may).
 */
export function addSecurityHeaders(headers: Headers, deployed: boolean): void {
  headers.set("x-content-type-options", "nosniff");
  headers.set("referrer-policy", "no-referrer");
  if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
  if (deployed) headers.set("strict-transport-security", "max-age=63072000; includeSubDomains; preload");
}
