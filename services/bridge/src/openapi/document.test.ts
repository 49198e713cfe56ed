import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bridgeOpenApiDocument } from "./document.ts";

describe("openapi.json", () => {
  it("matches the document generated from the zod routes (run `npm run -w @croupier/bridge openapi`)", () => {
    const committed = JSON.parse(readFileSync(new URL("../../openapi.json", import.meta.url), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(bridgeOpenApiDocument())));
  });

  it("documents the player-api contract", () => {
    expect(Object.keys(bridgeOpenApiDocument().paths ?? {})).toEqual(
      expect.arrayContaining(["/v1/games", "/v1/launch", "/v1/providers/health"]),
    );
  });
});
