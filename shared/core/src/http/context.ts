import type { Logger } from "../log.ts";
import type { TraceContext } from "../trace-context.ts";

/** Variables every service puts on the Hono context. */
export interface ServiceVariables {
  requestId: string;
  /** The context of this request's own span; outbound calls and events carry it. */
  trace: TraceContext;
  log: Logger;
}

export interface ServiceEnv {
  Variables: ServiceVariables;
}
