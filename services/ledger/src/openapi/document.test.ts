import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ledgerOpenApiDocument } from "./document.ts";

describe("openapi.json", () => {
  it("matches the document generated from the zod routes (run `npm run -w @croupier/ledger openapi`)", () => {
    const committed = JSON.parse(readFileSync(new URL("../../openapi.json", import.meta.url), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(ledgerOpenApiDocument())));
  });
  it("documents every operation of the contract", () => {
    const paths = Object.keys(ledgerOpenApiDocument().paths ?? {});
    for (const path of [
      "/v1/players/{playerId}/accounts",
      "/v1/players/{playerId}/balances",
      "/v1/players/{playerId}/transactions",
      "/v1/bets",
      "/v1/wins",
      "/v1/rollbacks",
      "/v1/deposits",
      "/v1/withdrawals",
      "/v1/withdrawals/{withdrawalId}/commit",
      "/v1/withdrawals/{withdrawalId}/release",
      "/v1/players/{playerId}/controls",
      "/v1/adjustments",
      "/v1/bonuses/grants",
      "/v1/bonuses/{bonusId}/convert",
      "/v1/bonuses/{bonusId}/forfeit",
    ]) {
      expect(paths).toContain(path);
    }
  });
});
