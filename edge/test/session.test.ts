import { base64url, exportJWK, generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { JwksCache } from "../src/session/jwks-cache.ts";
import { SessionEpochCache } from "../src/session/session-epoch.ts";
import { AUDIENCE, harness, ISSUER, newSigningKey } from "./harness.ts";

const encode = (value: unknown) => base64url.encode(JSON.stringify(value));

async function expectRefused(response: Response, logs: Record<string, unknown>[], reason: string) {
  expect(response.status).toBe(401);
  expect(response.headers.get("www-authenticate")).toContain("Bearer");
  expect((await response.json()).type).toBe("https://croupier.dev/problems/unauthenticated");
  expect(logs.at(-1)).toMatchObject({ blocked: { by: "session", reason } });
}

describe("access tokens", () => {
  it("accepts a valid ES256 token and routes by its signed region, not the country", async () => {
    const edge = await harness();
    const token = await edge.token({ sub: "ply_uk1", jur: "uk", reg: "uk" });
    const response = await edge.request("/v1/wallet/balances", { token, country: "MT" });
    expect(response.status).toBe(200);
    const forwarded = edge.originRequests[0];
    expect(forwarded?.url).toBe("https://uk.origin.test/v1/wallet/balances");
    expect(forwarded?.headers.get("x-croupier-player")).toBe("ply_uk1");
    expect(forwarded?.headers.get("x-croupier-session")).toBe("ses_1");
    expect(forwarded?.headers.get("x-croupier-jurisdiction")).toBe("uk");
    expect(forwarded?.headers.get("x-croupier-region")).toBe("uk");
    expect(forwarded?.headers.get("x-croupier-country")).toBe("MT");
  });

  it("requires a token on protected routes", async () => {
    const edge = await harness();
    await expectRefused(await edge.request("/v1/wallet/balances"), edge.logs, "missing-token");
  });

  it("refuses alg none", async () => {
    const edge = await harness();
    const now = Math.floor(edge.now() / 1000);
    const claims = {
      sub: "ply_1",
      sid: "s",
      jur: "eu",
      reg: "eu",
      sep: 3,
      iss: ISSUER,
      aud: AUDIENCE,
      iat: now,
      exp: now + 600,
    };
    for (const alg of ["none", "None", "NONE"]) {
      const token = `${encode({ alg, kid: edge.key.kid })}.${encode(claims)}.`;
      await expectRefused(
        await edge.request("/v1/wallet/balances", { token }),
        edge.logs,
        "algorithm-not-allowed",
      );
    }
  });

  it("refuses HS256 signed with the public key (HS/RS confusion)", async () => {
    const edge = await harness();
    const secret = new TextEncoder().encode(JSON.stringify(edge.key.publicJwk));
    const token = await new SignJWT({ sid: "s", jur: "eu", reg: "eu", sep: 3 })
      .setProtectedHeader({ alg: "HS256", kid: edge.key.kid })
      .setSubject("ply_1")
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(Math.floor(edge.now() / 1000))
      .setExpirationTime(Math.floor(edge.now() / 1000) + 600)
      .sign(secret);
    await expectRefused(
      await edge.request("/v1/wallet/balances", { token }),
      edge.logs,
      "algorithm-not-allowed",
    );
  });

  it("refuses RS256, even with its key published in the JWKS", async () => {
    const edge = await harness();
    const rsa = await generateKeyPair("RS256", { extractable: true });
    edge.jwks.keys.push({ ...(await exportJWK(rsa.publicKey)), kid: "rsa-1", alg: "RS256" });
    const token = await edge.token({}, { alg: "RS256", kid: "rsa-1" }, rsa.privateKey);
    await expectRefused(
      await edge.request("/v1/wallet/balances", { token }),
      edge.logs,
      "algorithm-not-allowed",
    );
  });

  it("ignores non-ES256 keys in the JWKS (an oct key cannot stand in for a kid)", async () => {
    const edge = await harness();
    edge.jwks.keys.push({ kty: "oct", k: "c2VjcmV0", kid: "oct-1" });
    const token = await edge.token({}, { kid: "oct-1" });
    await expectRefused(await edge.request("/v1/wallet/balances", { token }), edge.logs, "unknown-key");
  });

  it("refuses an unknown kid, refetches the JWKS after the cooldown and then accepts a rotated key", async () => {
    const edge = await harness();
    const rotated = await newSigningKey("key-2");
    const token = await edge.token({}, { kid: "key-2" }, rotated.privateKey);

    await expectRefused(await edge.request("/v1/wallet/balances", { token }), edge.logs, "unknown-key");
    for (let attempt = 0; attempt < 5; attempt++) await edge.request("/v1/wallet/balances", { token });
    expect(edge.jwksFetches).toHaveLength(1);

    edge.jwks.keys.push(rotated.publicJwk);
    edge.advance(31_000);
    const fresh = await edge.token({}, { kid: "key-2" }, rotated.privateKey);
    expect((await edge.request("/v1/wallet/balances", { token: fresh })).status).toBe(200);
    expect(edge.jwksFetches).toHaveLength(2);
  });

  it("refuses expired tokens", async () => {
    const edge = await harness();
    const token = await edge.token();
    edge.advance(11 * 60_000);
    await expectRefused(await edge.request("/v1/wallet/balances", { token }), edge.logs, "expired");
  });

  it("does not keep a verified token alive past its expiry", async () => {
    const edge = await harness();
    const token = await edge.token();
    expect((await edge.request("/v1/wallet/balances", { token })).status).toBe(200);
    edge.advance(11 * 60_000);
    await expectRefused(await edge.request("/v1/wallet/balances", { token }), edge.logs, "expired");
  });

  it("stops accepting already verified tokens once their key leaves the JWKS", async () => {
    const rotating = await newSigningKey("key-r");
    const published = { keys: [rotating.publicJwk] };
    let now = () => 0;
    const jwks = new JwksCache({
      urls: ["https://eu.origin.test/.well-known/jwks.json"],
      now: () => now(),
      ttlMs: 60_000,
      fetchJwks: async () => Response.json(published),
    });
    const edge = await harness({ jwks });
    now = edge.now;
    const token = await edge.token({}, { kid: "key-r" }, rotating.privateKey);
    expect((await edge.request("/v1/wallet/balances", { token })).status).toBe(200);
    expect((await edge.request("/v1/wallet/balances", { token })).status).toBe(200);
    published.keys = [];
    edge.advance(61_000);
    await expectRefused(await edge.request("/v1/wallet/balances", { token }), edge.logs, "unknown-key");
  });

  it("refuses tokens not yet valid", async () => {
    const edge = await harness();
    const token = await edge.token({ nbf: Math.floor(edge.now() / 1000) + 300 });
    await expectRefused(await edge.request("/v1/wallet/balances", { token }), edge.logs, "not-yet-valid");
  });

  it("refuses the wrong audience and the wrong issuer", async () => {
    const edge = await harness();
    const wrongAud = await edge.token({ aud: "croupier-backoffice" });
    await expectRefused(
      await edge.request("/v1/wallet/balances", { token: wrongAud }),
      edge.logs,
      "wrong-audience",
    );
    const wrongIss = await edge.token({ iss: "someone-else" });
    await expectRefused(
      await edge.request("/v1/wallet/balances", { token: wrongIss }),
      edge.logs,
      "wrong-issuer",
    );
  });

  it("refuses tampered tokens", async () => {
    const edge = await harness();
    const [header, payload, signature] = (await edge.token()).split(".");
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload as string)));
    const forged = `${header}.${encode({ ...claims, sub: "ply_victim" })}.${signature}`;
    await expectRefused(
      await edge.request("/v1/wallet/balances", { token: forged }),
      edge.logs,
      "bad-signature",
    );
  });

  it("refuses tokens signed by a key the JWKS does not hold under that kid", async () => {
    const edge = await harness();
    const impostor = await newSigningKey("key-1");
    const token = await edge.token({}, {}, impostor.privateKey);
    await expectRefused(await edge.request("/v1/wallet/balances", { token }), edge.logs, "bad-signature");
  });

  it.each([
    [{ jur: "uk", reg: "eu" }],
    [{ jur: "us", reg: "eu" }],
    [{ reg: "mars" }],
    [{ sep: -1 }],
    [{ sub: "ply 1; drop" }],
    [{ exp: Math.floor(Date.UTC(2026, 10, 26, 12, 0, 0) / 1000) + 7200 }],
    [{ iat: Math.floor(Date.UTC(2026, 10, 26, 12, 0, 0) / 1000) + 3600 }],
  ])("refuses inconsistent or overlong claims %j", async (claims) => {
    const edge = await harness();
    const token = await edge.token(claims);
    expect((await edge.request("/v1/wallet/balances", { token })).status).toBe(401);
  });

  it("refuses garbage in the Authorization header", async () => {
    const edge = await harness();
    for (const value of ["Bearer", "Bearer a.b", "Basic dXNlcjpwYXNz", `Bearer ${"a".repeat(5000)}`]) {
      const response = await edge.request("/v1/wallet/balances", { headers: { authorization: value } });
      expect(response.status).toBe(401);
    }
  });

  it("serves the catalogue anonymously by country, and by session when a valid token comes along", async () => {
    const edge = await harness();
    await edge.request("/v1/games", { country: "GB" });
    expect(edge.originRequests[0]?.url).toBe("https://uk.origin.test/v1/games");
    const token = await edge.token();
    await edge.request("/v1/games", { country: "GB", token });
    expect(edge.originRequests[1]?.url).toBe("https://eu.origin.test/v1/games");
    const expired = await edge.token();
    edge.advance(20 * 60_000);
    expect((await edge.request("/v1/games", { token: expired })).status).toBe(401);
  });

  it("routes refresh by an expired token's region without forwarding its identity", async () => {
    const edge = await harness();
    const token = await edge.token({ jur: "ca-on", reg: "ca" });
    edge.advance(60 * 60_000);
    const response = await edge.request("/v1/auth/refresh", {
      method: "POST",
      body: "{}",
      token,
      country: "MT",
    });
    expect(response.status).toBe(200);
    const forwarded = edge.originRequests[0];
    expect(forwarded?.url).toBe("https://ca.origin.test/v1/auth/refresh");
    expect(forwarded?.headers.has("x-croupier-player")).toBe(false);
  });

  it("routes login by country even if a token is sent", async () => {
    const edge = await harness();
    const token = await edge.token({ jur: "uk", reg: "uk" });
    await edge.request("/v1/auth/login", {
      method: "POST",
      body: "{}",
      token,
      headers: { "cf-turnstile-response": "human" },
    });
    expect(edge.originRequests[0]?.url).toBe("https://eu.origin.test/v1/auth/login");
    expect(edge.originRequests[0]?.headers.has("x-croupier-player")).toBe(false);
  });

  it("answers 503 when no JWKS can be loaded at all", async () => {
    const edge = await harness();
    const broken = await harness({
      jwks: new JwksCache({
        urls: ["https://eu.origin.test/.well-known/jwks.json"],
        now: edge.now,
        fetchJwks: async () => new Response("down", { status: 503 }),
      }),
    });
    const response = await broken.request("/v1/wallet/balances", { token: await edge.token() });
    expect(response.status).toBe(503);
  });
});

describe("session epoch", () => {
  const launch = (edge: Awaited<ReturnType<typeof harness>>, token: string) =>
    edge.request("/v1/games/gam_1/launch", { method: "POST", body: "{}", token });

  it("refuses a token minted before the current epoch on money-moving routes", async () => {
    const edge = await harness();
    edge.epochs.set("ply_1", 4);
    const response = await launch(edge, await edge.token({ sep: 3 }));
    expect(response.status).toBe(401);
    expect((await response.json()).type).toBe("https://croupier.dev/problems/session-revoked");
    expect(edge.epochFetches).toEqual(["eu:ply_1"]);
  });

  it("accepts the current epoch and caches it briefly", async () => {
    const edge = await harness();
    edge.epochs.set("ply_1", 3);
    const token = await edge.token({ sep: 3 });
    for (let attempt = 0; attempt < 3; attempt++) expect((await launch(edge, token)).status).toBe(200);
    expect(edge.epochFetches).toHaveLength(1);

    // A revocation is seen once the cache entry ages out.
    edge.epochs.set("ply_1", 4);
    edge.advance(6_000);
    expect((await launch(edge, token)).status).toBe(401);
    expect(edge.epochFetches).toHaveLength(2);
  });

  it("refetches at once when a token is newer than the cached epoch (a fresh login)", async () => {
    const edge = await harness();
    edge.epochs.set("ply_1", 3);
    await launch(edge, await edge.token({ sep: 3 }));
    edge.epochs.set("ply_1", 5);
    expect((await launch(edge, await edge.token({ sep: 5 }))).status).toBe(200);
    expect(edge.epochFetches).toHaveLength(2);
  });

  it("is not consulted on read routes", async () => {
    const edge = await harness();
    edge.epochs.set("ply_1", 9);
    expect((await edge.request("/v1/wallet/balances", { token: await edge.token({ sep: 3 }) })).status).toBe(
      200,
    );
    expect(edge.epochFetches).toHaveLength(0);
  });

  it("fails closed when the epoch cannot be read", async () => {
    const failing = await harness({
      sessionEpochs: new SessionEpochCache({
        fetchEpoch: async () => {
          throw new Error("origin down");
        },
      }),
    });
    const response = await failing.request("/v1/cashier/withdrawals", {
      method: "POST",
      body: "{}",
      token: await failing.token(),
      headers: { "cf-turnstile-response": "human" },
    });
    expect(response.status).toBe(503);
    expect(failing.originRequests).toHaveLength(0);
  });
});
