import type { RoutePolicy } from "../policy/routes.ts";

// What the web client sends and may read. No credentials mode: sessions are bearer tokens, not cookies.
const ALLOWED_HEADERS = "authorization, content-type, idempotency-key, cf-turnstile-response, traceparent";
const EXPOSED_HEADERS = "x-request-id, retry-after, ratelimit, ratelimit-policy";

/** Preflight answer for a fronted path; only listed origins get CORS headers, others are left to the browser. */
export function preflight(
  origin: string | null,
  allowed: ReadonlySet<string>,
  routes: readonly RoutePolicy[],
): Response {
  const headers = new Headers({ vary: "Origin", "cache-control": "no-store" });
  if (origin && allowed.has(origin)) {
    headers.set("access-control-allow-origin", origin);
    headers.set("access-control-allow-methods", [...new Set(routes.map((route) => route.method))].join(", "));
    headers.set("access-control-allow-headers", ALLOWED_HEADERS);
    headers.set("access-control-max-age", "600");
  }
  return new Response(null, { status: 204, headers });
}

export function addCorsHeaders(headers: Headers, origin: string | null, allowed: ReadonlySet<string>): void {
  headers.append("vary", "Origin");
  if (!origin || !allowed.has(origin)) return;
  headers.set("access-control-allow-origin", origin);
  headers.set("access-control-expose-headers", EXPOSED_HEADERS);
}
