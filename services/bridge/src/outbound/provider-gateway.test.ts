import { createLogger } from "@croupier/core/log";
import { describe, expect, it } from "vitest";
import type { ProviderRecord } from "../domain/store-port.ts";
import { createResponseSigner } from "../signing/response-signer.ts";
import { generateSigningKeyPair } from "../signing/rsa.ts";
import { createProviderGateway, ProviderCallError } from "./provider-gateway.ts";

const provider: ProviderRecord = {
  id: "flaky",
  adapter: "hub88",
  name: "Flaky",
  publicKeyPem: "",
  launchUrl: "http://flaky.test/game/url",
  reportsUrl: null,
  currencies: [],
  enabled: true,
  isDefault: false,
  timeoutMs: 200,
};

async function gateway(
  fetchStub: typeof fetch,
  options: { maxAttempts?: number; breakerThreshold?: number } = {},
) {
  const signer = await createResponseSigner((await generateSigningKeyPair()).privateKeyPem);
  return createProviderGateway({
    signer,
    log: createLogger({ service: "bridge", level: "silent" }),
    fetch: fetchStub,
    initialBackoffMs: 1,
    halfOpenAfterMs: 60_000,
    ...options,
  });
}

describe("provider gateway", () => {
  it("retries a failed call and returns the provider's answer, signing the body", async () => {
    let calls = 0;
    let signature: string | null = null;
    const g = await gateway(async (_url, init) => {
      calls += 1;
      signature = new Headers(init?.headers).get("x-hub88-signature");
      if (calls < 2) return new Response("busy", { status: 503 });
      return Response.json({ url: "http://flaky.test/play" });
    });
    expect(await g.post(provider, provider.launchUrl as string, { token: "t" })).toEqual({
      url: "http://flaky.test/play",
    });
    expect(calls).toBe(2);
    expect(signature).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it("opens the circuit after consecutive failures and then fails fast without calling", async () => {
    let calls = 0;
    const g = await gateway(
      async () => {
        calls += 1;
        throw new TypeError("connection refused");
      },
      { maxAttempts: 1, breakerThreshold: 3 },
    );
    for (let i = 0; i < 3; i++)
      await expect(g.post(provider, "http://flaky.test/x", {})).rejects.toBeInstanceOf(ProviderCallError);
    expect(g.health("flaky")).toBe("open");
    const before = calls;
    await expect(g.post(provider, "http://flaky.test/x", {})).rejects.toThrow(/circuit open/);
    expect(calls).toBe(before);
  });

  it("times out a provider that does not answer", async () => {
    const g = await gateway(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
        }),
      { maxAttempts: 1 },
    );
    await expect(g.post(provider, "http://flaky.test/x", {})).rejects.toBeInstanceOf(ProviderCallError);
  });
});
