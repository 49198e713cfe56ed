// Local-only secrets: one random master key per data folder, from which every service's
// keys are derived. Never used in production, where secrets come from the secret store.
import { createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export function loadOrCreateMasterSecret(path: string): string {
  if (existsSync(path)) return readFileSync(path, "utf8").trim();
  mkdirSync(dirname(path), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function deriveSecret(master: string, purpose: string): string {
  return createHmac("sha256", master).update(purpose).digest("base64url");
}
