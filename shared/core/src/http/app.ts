// The base every service app is built on: request ids, trace context, one access-log line per
// request, metrics, body limits, content-type checks, problem+json errors, health, metrics and
// OpenAPI routes. Services add their routes to the returned app; nothing here listens.
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { newId } from "../ids.ts";
import type { Logger } from "../log.ts";
import type { ServiceMetrics } from "../metrics.ts";
import { AppError, errorHandler, problemResponse, problems } from "../problem.ts";
import { childContext, formatTraceparent, parseTraceparent } from "../trace-context.ts";
import { type Tracing, tracingOff } from "../tracing.ts";
import type { ServiceEnv } from "./context.ts";

export type ReadinessCheck = () => Promise<boolean>;

export interface ServiceAppOptions {
  service: string;
  version?: string;
  description?: string;
  log: Logger;
  metrics: ServiceMetrics;
  tracing?: Tracing;
  /** Named checks of the service's real dependencies (database, NATS, upstreams). */
  readiness: Record<string, ReadinessCheck>;
  /** Largest accepted request body, in bytes. */
  maxBodyBytes?: number;
  /** Set to true while shutting down so load balancers stop sending traffic. */
  isDraining?: () => boolean;
  /**
   * Path prefixes whose handlers read bodies themselves and answer size and content-type
   * problems in their own protocol (e.g. game-provider callbacks); the base checks skip them.
   */
  selfCheckedBodyPaths?: string[];
}

export type ServiceApp = OpenAPIHono<ServiceEnv>;

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const HEALTH_TIMEOUT_MS = 2_000;

export function createServiceApp(options: ServiceAppOptions): ServiceApp {
  const tracing = options.tracing ?? tracingOff;
  const app = new OpenAPIHono<ServiceEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
        const detail = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
        return problemResponse(c, problems.badRequest(detail, { issues }));
      }
      return undefined;
    },
  });

  app.use("*", requestContext(options, tracing));
  const limit = limitBodies(options.maxBodyBytes ?? 64 * 1024);
  const jsonOnly = requireJsonBodies();
  const selfChecked = options.selfCheckedBodyPaths ?? [];
  const unlessSelfChecked =
    (check: MiddlewareHandler<ServiceEnv>): MiddlewareHandler<ServiceEnv> =>
    (c, next) =>
      selfChecked.some((prefix) => c.req.path.startsWith(prefix)) ? next() : check(c, next);
  app.use("*", unlessSelfChecked(limit));
  app.use("*", unlessSelfChecked(jsonOnly));
  app.onError(errorHandler(options.log));
  app.notFound((c) => problemResponse(c, problems.notFound(`No route for ${c.req.method} ${c.req.path}.`)));

  app.get("/healthz/live", (c) => c.json({ status: "ok" }));
  app.get("/healthz/ready", async (c) => {
    const entries = await Promise.all(
      Object.entries(options.readiness).map(
        async ([name, check]) => [name, await withTimeout(check())] as const,
      ),
    );
    const checks = Object.fromEntries(entries.map(([name, ok]) => [name, ok ? "ok" : "failing"]));
    const draining = options.isDraining?.() ?? false;
    const ready = !draining && entries.every(([, ok]) => ok);
    return c.json(
      { status: ready ? "ready" : draining ? "draining" : "not_ready", checks },
      ready ? 200 : 503,
    );
  });
  app.get("/metrics", async (c) => {
    return c.body(await options.metrics.registry.metrics(), 200, {
      "content-type": options.metrics.registry.contentType,
    });
  });
  app.get("/openapi.json", (c) => c.json(openApiDocument(app, options)));
  return app;
}

export function openApiDocument(
  app: ServiceApp,
  options: Pick<ServiceAppOptions, "service" | "version" | "description">,
) {
  return app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: `Croupier ${options.service}`,
      version: options.version ?? "0.1.0",
      description: options.description,
    },
  });
}

function requestContext(options: ServiceAppOptions, tracing: Tracing): MiddlewareHandler<ServiceEnv> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : newId("req");
    const parent = parseTraceparent(c.req.header("traceparent"));
    const span = tracing.startSpan(`${c.req.method} ${c.req.path}`, parent, {
      "http.request.method": c.req.method,
    });
    const own = span
      ? {
          traceId: span.spanContext().traceId,
          spanId: span.spanContext().spanId,
          flags: parent?.flags ?? "01",
        }
      : childContext(parent);
    c.set("requestId", requestId);
    c.set("trace", own);
    c.set("log", lazyChild(options.log, { requestId, traceId: own.traceId }));
    let status = 500;
    try {
      await next();
      status = c.res.status;
    } finally {
      c.header("x-request-id", requestId);
      c.header("traceparent", formatTraceparent(own));
      const route = routeOf(c);
      const seconds = (performance.now() - started) / 1000;
      if (!route.startsWith("/healthz") && route !== "/metrics") {
        const labels = { method: c.req.method, route, status: String(status) };
        options.metrics.httpDuration.observe(labels, seconds);
        options.metrics.httpRequests.inc(labels);
        options.log.info(
          {
            requestId,
            traceId: own.traceId,
            method: c.req.method,
            path: c.req.path,
            route,
            status,
            durationMs: Math.round(seconds * 10_000) / 10,
          },
          "request",
        );
      }
      tracing.end(span, status);
    }
  };
}

/**
 * The request's logger, created on first use: a pino child (with its redaction setup) per request
 * is measurable CPU, and most requests never log beyond the access line.
 */
function lazyChild(log: Logger, bindings: Record<string, string>): Logger {
  let child: Logger | undefined;
  return new Proxy(log, {
    get(_target, property) {
      child ??= log.child(bindings);
      const value = Reflect.get(child, property, child);
      return typeof value === "function" ? value.bind(child) : value;
    },
  });
}

/** The matched route template, so metrics never get one label per player id. */
function routeOf(c: Context): string {
  return c.req.routePath && c.req.routePath !== "*" ? c.req.routePath : "unmatched";
}

/**
 * Refuses bodies over `maxBytes` with 413. A declared Content-Length (without Transfer-Encoding)
 * is checked from the header alone: the HTTP parser never delivers more than it declares, and
 * leaving the body unread keeps the runtime's fast path that reads it straight from the socket
 * (no web stream per request). Streamed bodies are counted as they arrive by Hono's bodyLimit.
 */
function limitBodies(maxBytes: number): MiddlewareHandler<ServiceEnv> {
  const streamed = bodyLimit({
    maxSize: maxBytes,
    onError: (c) => problemResponse(c, problems.payloadTooLarge(maxBytes)),
  });
  return async (c, next) => {
    const method = c.req.method;
    if (method === "GET" || method === "HEAD" || method === "OPTIONS") return next();
    const length = c.req.header("content-length");
    if (length !== undefined && c.req.header("transfer-encoding") === undefined) {
      if (Number(length) > maxBytes) return problemResponse(c, problems.payloadTooLarge(maxBytes));
      return next();
    }
    return streamed(c, next);
  };
}

/** Bodies are JSON; anything else is refused with 415 before any handler runs. */
function requireJsonBodies(): MiddlewareHandler<ServiceEnv> {
  return async (c, next) => {
    const method = c.req.method;
    if (method === "POST" || method === "PUT" || method === "PATCH") {
      const length = c.req.header("content-length");
      const hasBody =
        (length !== undefined && length !== "0") || c.req.header("transfer-encoding") !== undefined;
      const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
      if (hasBody && type !== "application/json") {
        return problemResponse(c, problems.unsupportedMediaType("Send the body as application/json."));
      }
      // PostgreSQL text cannot hold NUL; refusing it here keeps it from ever becoming a 500 deep down.
      if (type === "application/json" && (await c.req.text()).includes("\\u0000")) {
        return problemResponse(
          c,
          problems.badRequest("Text fields must not contain NUL (\\u0000) characters."),
        );
      }
    }
    await next();
    return undefined;
  };
}

async function withTimeout(check: Promise<boolean>): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check.catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export { AppError };
