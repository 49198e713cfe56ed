import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export type EdgeDevOptions = {
  port: number;
  /** Origin base URL per home region ("eu", "uk", "ca"); regions left out keep wrangler.toml's local defaults. */
  origins: Record<string, string>;
  edgeSigningSecret: string;
  /** One or more JWKS URLs, comma-separated. */
  jwksUrl: string;
};

export type EdgeDevCommand = { command: string; args: string[]; env: Record<string, string> };

const edgeDir = dirname(fileURLToPath(import.meta.url));
const rootDir = dirname(edgeDir);

/**
 * How to run the edge locally: `wrangler dev` (workerd) on 127.0.0.1:<port>, with the root wrangler.toml,
 * local origins and JWKS as vars, and secrets in a generated, git-ignored env file. Generated files and
 * the local Durable Object state live in .wrangler/edge-dev/<port>/ (git-ignored).
 *
 * Offline, wrangler dev falls back to a `request.cf` from Austin, Texas, which the jurisdiction gate
 * blocks. `CLOUDFLARE_CF_FETCH_PATH` points at a fresh copy of the committed edge/dev/cf.json (Malta):
 * Miniflare only trusts that file for 30 days after its mtime and, when online, overwrites a stale one
 * with the real location, so the committed file itself is never handed to it.
 */
export function edgeDevCommand(options: EdgeDevOptions): EdgeDevCommand {
  // Per port: `npm start` and an end-to-end run may each run an edge, with different secrets and state.
  const generatedDir = join(rootDir, ".wrangler", "edge-dev", String(options.port));
  mkdirSync(generatedDir, { recursive: true });
  const cfPath = join(generatedDir, "cf.json");
  copyFileSync(join(edgeDir, "dev", "cf.json"), cfPath);
  const envFile = join(generatedDir, ".dev.vars");
  writeFileSync(
    envFile,
    `EDGE_SIGNING_SECRET=${options.edgeSigningSecret}\nTURNSTILE_SECRET_KEY=1x0000000000000000000000000000000AA\n`,
    { mode: 0o600 },
  );

  const vars: Record<string, string> = { ENVIRONMENT: "development", JWKS_URL: options.jwksUrl };
  for (const [region, url] of Object.entries(options.origins)) vars[`ORIGIN_${region.toUpperCase()}`] = url;

  const wranglerPackage = createRequire(import.meta.url).resolve("wrangler/package.json");
  const wrangler = join(dirname(wranglerPackage), "bin", "wrangler.js");
  const args = [
    wrangler,
    "dev",
    "--config",
    join(rootDir, "wrangler.toml"),
    "--ip",
    "127.0.0.1",
    "--port",
    String(options.port),
    "--local",
    "--env-file",
    envFile,
    "--persist-to",
    join(generatedDir, "state"),
    "--show-interactive-dev-session=false",
  ];
  for (const [name, value] of Object.entries(vars)) args.push("--var", `${name}:${value}`);

  return {
    // The Node running the caller (Node 24 under npm scripts), not whatever `node` is first on PATH.
    command: process.execPath,
    args,
    env: { CLOUDFLARE_CF_FETCH_PATH: cfPath, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
  };
}
