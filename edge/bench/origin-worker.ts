// A stand-in regional origin for the benchmark: issues tokens and JWKS, reports epoch 0, answers 200.
import { exportJWK, generateKeyPair, SignJWT } from "jose";

const keys = generateKeyPair("ES256", { extractable: true });

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/.well-known/jwks.json") {
      const jwk = await exportJWK((await keys).publicKey);
      return Response.json({ keys: [{ ...jwk, kid: "bench-1", alg: "ES256", use: "sig" }] });
    }
    if (url.pathname === "/__token") {
      const now = Math.floor(Date.now() / 1000);
      const token = await new SignJWT({ sid: "ses_bench", jur: "eu", reg: "eu", sep: 0 })
        .setProtectedHeader({ alg: "ES256", kid: "bench-1" })
        .setSubject(url.searchParams.get("player") ?? "ply_bench")
        .setIssuer("croupier-player-api")
        .setAudience("croupier-edge")
        .setIssuedAt(now)
        .setExpirationTime(now + 900)
        .sign((await keys).privateKey);
      return new Response(token);
    }
    if (url.pathname.startsWith("/internal/session-epoch/")) return Response.json({ epoch: 0 });
    // Drain the body as a real origin would.
    if (request.body) await request.arrayBuffer();
    return Response.json({ ok: true });
  },
};
