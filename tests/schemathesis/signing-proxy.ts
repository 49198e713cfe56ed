// Stands in for the edge in front of player-api during the schemathesis run: signs every request
// with the edge's secret and forwards the identity of a signed-in test player (or a staff token for
// the back-office), so the fuzzer reaches the handlers instead of stopping at the signature check.
// When a request ends the player's session (logout, password change, exclusion) the next request
// gets a fresh player.
import { createServer, type Server } from "node:http";
import { signEdgeHeaders } from "@croupier/edge-auth";
import { decodeJwt } from "jose";

export interface SigningProxy {
  url: string;
  close(): Promise<void>;
}

const sendable = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const sessionEnders = [
  "/v1/auth/logout",
  "/v1/auth/password",
  "/v1/self-exclusion",
  "/v1/time-out",
  "/v1/auth/refresh",
];

export async function startSigningProxy(options: {
  target: string;
  secret: string;
  staffToken: string;
}): Promise<SigningProxy> {
  let counter = 0;
  let player: Promise<string> | undefined;

  const signed = async (method: string, path: string, headers: Headers, body?: Uint8Array<ArrayBuffer>) => {
    const url = `${options.target}${path}`;
    headers.set("x-request-id", `req_st_${Date.now()}_${++counter}`);
    headers.set("x-croupier-country", "MT");
    headers.set("x-croupier-region", "eu");
    return fetch(url, {
      method,
      headers: await signEdgeHeaders({ method, url, headers, secret: options.secret }),
      body,
    });
  };

  async function newPlayer(): Promise<string> {
    counter += 1;
    const email = `fuzz${Date.now()}${counter}@example.com`;
    const password = "fuzzing passphrase";
    const json = (body: unknown) => new TextEncoder().encode(JSON.stringify(body));
    const headers = () => new Headers({ "content-type": "application/json" });
    const registered = await signed(
      "POST",
      "/v1/auth/register",
      headers(),
      json({ email, password, dateOfBirth: "1990-01-01", country: "MT" }),
    );
    if (registered.status !== 201)
      throw new Error(`register answered ${registered.status}: ${await registered.text()}`);
    const login = await signed("POST", "/v1/auth/login", headers(), json({ email, password }));
    if (login.status !== 200) throw new Error(`login answered ${login.status}`);
    return ((await login.json()) as { accessToken: string }).accessToken;
  }

  const server: Server = createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const method = req.method ?? "GET";
      const path = req.url ?? "/";
      if (!sendable.has(method)) {
        // What the edge does with a method no route has (fetch cannot even send TRACE).
        res.writeHead(405, { "content-type": "application/problem+json", allow: "GET, POST, PUT" });
        res.end(
          JSON.stringify({
            type: "urn:croupier:problem:method_not_allowed",
            title: "Method not allowed",
            status: 405,
          }),
        );
        return;
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (
          value === undefined ||
          ["host", "connection", "content-length", "transfer-encoding"].includes(name)
        )
          continue;
        if (name.startsWith("x-croupier-")) continue;
        headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
      if (path.startsWith("/backoffice/")) headers.set("authorization", `Bearer ${options.staffToken}`);
      if (path.startsWith("/v1/")) {
        player ??= newPlayer();
        const token = await player;
        const claims = decodeJwt(token);
        headers.set("authorization", `Bearer ${token}`);
        headers.set("x-croupier-player", String(claims.sub));
        headers.set("x-croupier-session", String(claims.sid));
        headers.set("x-croupier-jurisdiction", String(claims.jur));
      }
      const body =
        method === "GET" || method === "HEAD" || chunks.length === 0
          ? undefined
          : new Uint8Array(Buffer.concat(chunks));
      const response = await signed(method, path, headers, body);
      if (sessionEnders.some((p) => path.startsWith(p)) || response.status === 401) player = undefined;
      const out: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        if (!["content-encoding", "transfer-encoding", "connection", "content-length"].includes(name))
          out[name] = value;
      });
      const payload = Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, out);
      res.end(payload);
    } catch (error) {
      player = undefined;
      res.writeHead(599, { "content-type": "text/plain" });
      res.end(`signing proxy failed: ${String(error)}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
