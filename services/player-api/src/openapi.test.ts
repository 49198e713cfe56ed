import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, inertApp, serializeOpenApi } from "./openapi-document.ts";

describe("openapi.json", () => {
  it("matches the zod schemas (regenerate with npm run openapi -w @croupier/player-api)", () => {
    const committed = readFileSync(new URL("../openapi.json", import.meta.url), "utf8");
    expect(serializeOpenApi(buildOpenApiDocument())).toBe(committed);
  });

  it("is OpenAPI 3.1 with every player route of the edge contract", () => {
    const document = buildOpenApiDocument() as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(document.openapi).toBe("3.1.0");
    const routes = Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        "POST /v1/auth/register",
        "POST /v1/auth/login",
        "POST /v1/auth/refresh",
        "POST /v1/auth/logout",
        "POST /v1/auth/password",
        "GET /.well-known/jwks.json",
        "GET /v1/wallet/balances",
        "GET /v1/wallet/transactions",
        "GET /v1/games",
        "POST /v1/games/{gameId}/launch",
        "GET /v1/limits",
        "PUT /v1/limits",
        "POST /v1/self-exclusion",
        "POST /v1/time-out",
        "PUT /v1/reality-check",
        "GET /internal/session-epoch/{playerId}",
      ]),
    );
  });
});

describe("/docs", () => {
  it("serves the interactive documentation from local assets only", async () => {
    const app = inertApp({ docsAssets: { script: "window.SwaggerUIBundle = () => {};", css: "body{}" } });
    const page = await app.request("/docs");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("/docs/swagger-ui-bundle.js");
    expect(html).not.toMatch(/https?:\/\//);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect((await app.request("/docs/swagger-ui-bundle.js")).status).toBe(200);
    expect(await (await app.request("/docs/init.js")).text()).toContain("/openapi.json");
  });
});
