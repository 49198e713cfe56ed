import { describe, expect, it } from "vitest";
import type { AppError } from "./problem.ts";
import { parseCallers, serviceTokenMinter, serviceTokenVerifier } from "./service-auth.ts";

const bridgeSecret = "b".repeat(40);
const cashierSecret = "c".repeat(40);
const verify = serviceTokenVerifier({
  audience: "ledger",
  callers: [
    { name: "bridge", role: "gaming", secret: bridgeSecret },
    { name: "cashier", role: "cashier", secret: cashierSecret },
  ],
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error("expected a rejection");
}

describe("service tokens", () => {
  it("identifies the caller and its role", async () => {
    const token = await serviceTokenMinter({ caller: "bridge", audience: "ledger", secret: bridgeSecret })();
    await expect(verify(`Bearer ${token}`)).resolves.toMatchObject({ name: "bridge", role: "gaming" });
  });

  it("refuses a caller that signs with another caller's name", async () => {
    const forged = await serviceTokenMinter({
      caller: "cashier",
      audience: "ledger",
      secret: bridgeSecret,
    })();
    const error = await rejection(verify(`Bearer ${forged}`));
    expect(error.status).toBe(401);
    expect(error.headers["www-authenticate"]).toContain("invalid_token");
  });

  it("refuses a token for another audience, an unknown caller, and no token", async () => {
    const wrongAudience = await serviceTokenMinter({
      caller: "bridge",
      audience: "bridge",
      secret: bridgeSecret,
    })();
    expect((await rejection(verify(`Bearer ${wrongAudience}`))).status).toBe(401);
    const stranger = await serviceTokenMinter({
      caller: "stranger",
      audience: "ledger",
      secret: bridgeSecret,
    })();
    expect((await rejection(verify(`Bearer ${stranger}`))).message).toMatch(/unknown caller/);
    expect((await rejection(verify(undefined))).status).toBe(401);
  });

  it("refuses an expired token", async () => {
    const old = await serviceTokenMinter({ caller: "bridge", audience: "ledger", secret: bridgeSecret })(
      Date.now() - 10 * 60_000,
    );
    expect((await rejection(verify(`Bearer ${old}`))).status).toBe(401);
  });

  it("parses caller lists and refuses short secrets", () => {
    expect(parseCallers(`bridge:gaming:${bridgeSecret}`)).toEqual([
      { name: "bridge", role: "gaming", secret: bridgeSecret },
    ]);
    expect(() => parseCallers("bridge:gaming:short")).toThrow(/at least 32/);
  });
});
