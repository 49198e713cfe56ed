// The real edge (wrangler dev / workerd) in front of the stack's player-api.
import { repoRoot } from "@croupier/devstack/paths";
import { freePort, waitFor } from "@croupier/devstack/ports";
import { type ManagedProcess, startProcess } from "@croupier/devstack/processes";
import { edgeDevCommand } from "../../../edge/dev-command.ts";

export const BROWSER_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";

export interface RunningEdge {
  url: string;
  process: ManagedProcess;
  output: string[];
  stop(): Promise<void>;
}

export async function startEdge(options: {
  playerApiUrl: string;
  edgeSigningSecret: string;
}): Promise<RunningEdge> {
  const port = await freePort();
  const command = edgeDevCommand({
    port,
    origins: { eu: options.playerApiUrl },
    edgeSigningSecret: options.edgeSigningSecret,
    jwksUrl: `${options.playerApiUrl}/.well-known/jwks.json`,
  });
  const output: string[] = [];
  const proc = startProcess("edge", command.command, command.args, {
    cwd: repoRoot,
    env: { ...process.env, ...command.env },
    onOutput: (line) => {
      output.push(line);
      if (output.length > 300) output.shift();
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = proc.exited.then((code) => {
    throw new Error(`the edge exited with ${code}:\n${output.slice(-30).join("\n")}`);
  });
  await Promise.race([
    waitFor(
      "edge",
      async () => {
        const response = await fetch(`${url}/v1/games?currency=EUR`, {
          headers: { "user-agent": BROWSER_UA, "cf-connecting-ip": "198.51.100.1" },
        });
        return response.status === 200;
      },
      { timeoutMs: 90_000 },
    ),
    exited,
  ]);
  exited.catch(() => undefined);
  return { url, process: proc, output, stop: () => proc.stop(10_000) };
}

/** A player's browser talking to the edge, from one client IP (unique per run, so rate limits start fresh). */
export function edgeBrowser(edgeUrl: string) {
  const ip = `198.51.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;
  return async (method: string, path: string, init: { body?: unknown; token?: string } = {}) => {
    const headers: Record<string, string> = {
      "user-agent": BROWSER_UA,
      "cf-connecting-ip": ip,
      accept: "application/json",
    };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers["content-type"] = "application/json";
    return fetch(`${edgeUrl}${path}`, {
      method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  };
}
