import { createRoute, z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { createLogger } from "../log.ts";
import { createMetrics } from "../metrics.ts";
import { createServiceApp } from "./app.ts";

function buildApp(ready = true) {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({ service: "test", level: "fatal" });
  // Capture the access log lines, which the app writes on the service logger with the request's ids.
  const logger = Object.assign(Object.create(log), {
    info: (obj: Record<string, unknown>) => lines.push(obj),
  });
  const app = createServiceApp({
    service: "test",
    log: logger,
    metrics: createMetrics("test"),
    readiness: { database: async () => ready },
    maxBodyBytes: 1024,
  });
  app.openapi(
    createRoute({
      method: "post",
      path: "/things",
      request: {
        body: { content: { "application/json": { schema: z.strictObject({ name: z.string().min(1) }) } } },
      },
      responses: {
        201: {
          description: "created",
          content: { "application/json": { schema: z.object({ name: z.string() }) } },
        },
      },
    }),
    (c) => c.json({ name: c.req.valid("json").name }, 201),
  );
  app.get("/boom", () => {
    throw new Error("secret internals: password=hunter2");
  });
  return { app, lines };
}

const json = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

describe("service app", () => {
  it("serves liveness, readiness with per-check status, metrics and OpenAPI 3.1", async () => {
    const { app } = buildApp(false);
    expect((await app.request("/healthz/live")).status).toBe(200);
    const ready = await app.request("/healthz/ready");
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: "not_ready", checks: { database: "failing" } });
    const metrics = await (await app.request("/metrics")).text();
    expect(metrics).toContain("http_request_duration_seconds");
    const doc = (await (await app.request("/openapi.json")).json()) as { openapi: string; paths: object };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/things");
  });

  it("turns schema violations and unknown fields into 400 problem+json", async () => {
    const { app } = buildApp();
    for (const body of [{}, { name: "" }, { name: "x", extra: 1 }]) {
      const response = await app.request("/things", json(body));
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const problem = (await response.json()) as {
        type: string;
        code: string;
        status: number;
        detail: string;
      };
      expect(problem).toMatchObject({
        type: "urn:croupier:problem:bad_request",
        code: "bad_request",
        status: 400,
      });
      expect(problem.detail.length).toBeGreaterThan(0);
    }
    expect((await app.request("/things", json({ name: "ok" }))).status).toBe(201);
  });

  it("answers malformed JSON with 400, the wrong content type with 415 and big bodies with 413", async () => {
    const { app } = buildApp();
    const malformed = await app.request("/things", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{",
    });
    expect(malformed.status).toBe(400);
    const wrongType = await app.request("/things", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "x",
    });
    expect(wrongType.status).toBe(415);
    const big = await app.request("/things", json({ name: "x".repeat(5000) }));
    expect(big.status).toBe(413);
    expect(big.headers.get("content-type")).toBe("application/problem+json");
  });

  it("refuses NUL characters in JSON text with 400, before any handler or database sees them", async () => {
    const { app } = buildApp();
    const response = await app.request("/things", json({ name: "a\u0000b" }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/NUL/);
    expect((await app.request("/things", json({ name: "plain" }))).status).toBe(201);
  });

  it("hides internals of unknown errors behind a reference", async () => {
    const { app } = buildApp();
    const response = await app.request("/boom");
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("hunter2");
    expect(JSON.parse(text)).toMatchObject({
      code: "internal_error",
      reference: expect.stringMatching(/^ref_/),
    });
  });

  it("logs one line per request with the request id and propagates the trace", async () => {
    const { app, lines } = buildApp();
    const response = await app.request("/things", {
      ...json({ name: "x" }),
      headers: {
        "content-type": "application/json",
        "x-request-id": "req-abc-123",
        traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
      },
    });
    expect(response.headers.get("x-request-id")).toBe("req-abc-123");
    expect(response.headers.get("traceparent")).toMatch(
      /^00-4bf92f3577b34da6a3ce929d0e0e4736-(?!00f067aa0ba902b7)[0-9a-f]{16}-01$/,
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      requestId: "req-abc-123",
      route: "/things",
      status: 201,
      method: "POST",
    });
  });

  it("404s unknown routes as problem+json", async () => {
    const { app } = buildApp();
    const response = await app.request("/missing");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });
});
