// The benchmark's stand-in regional origin, served by this Node process rather than inside workerd
// (ADR 0108): the origin is another cluster in production, so none of its CPU — parsing, draining
// bodies, its own garbage collection — belongs in the edge's figures. It issues the players' tokens,
// serves the JWKS, reports session epoch 0 and answers every other request 200 after reading its body.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";

export type BenchOrigin = {
  /** host:port the edge's ORIGIN service binding connects to. */
  address: string;
  /** A valid ES256 access token for `playerId`, as player-api would issue it. */
  token(playerId: string): Promise<string>;
  close(): Promise<void>;
};

export async function startBenchOrigin(): Promise<BenchOrigin> {
  const keys = await generateKeyPair("ES256", { extractable: true });
  const jwks = JSON.stringify({
    keys: [{ ...(await exportJWK(keys.publicKey)), kid: "bench-1", alg: "ES256", use: "sig" }],
  });
  const json = { "content-type": "application/json" };
  const server: Server = createServer((request, response) => {
    const path = request.url ?? "/";
    // Drain the body as a real origin would, then answer.
    request.resume();
    request.on("end", () => {
      if (path === "/.well-known/jwks.json") response.writeHead(200, json).end(jwks);
      else if (path.startsWith("/internal/session-epoch/")) response.writeHead(200, json).end('{"epoch":0}');
      else response.writeHead(200, json).end('{"ok":true}');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    token: (playerId) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ sid: "ses_bench", jur: "eu", reg: "eu", sep: 0 })
        .setProtectedHeader({ alg: "ES256", kid: "bench-1" })
        .setSubject(playerId)
        .setIssuer("croupier-player-api")
        .setAudience("croupier-edge")
        .setIssuedAt(now)
        .setExpirationTime(now + 900)
        .sign(keys.privateKey);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
