import type { Context } from "hono";
import { formatTraceparent } from "../trace-context.ts";
import type { ServiceEnv } from "./context.ts";

/** Headers that carry a request's identity to the services and events it causes. */
export function correlationHeaders(c: Context<ServiceEnv>): Record<string, string> {
  return { "x-request-id": c.get("requestId"), traceparent: formatTraceparent(c.get("trace")) };
}
