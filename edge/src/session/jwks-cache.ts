import { importJWK } from "jose";

export type JwksCacheOptions = {
  /** Every player-api JWKS the edge trusts (one per region); keys are merged by `kid`. */
  urls: readonly string[];
  fetchJwks: (url: string) => Promise<Response>;
  now: () => number;
  /** Keys are refreshed after this long even when every kid is known (rotation, removal). */
  ttlMs?: number;
  /** An unknown kid triggers a refetch at most this often, so junk kids cannot hammer the origins. */
  unknownKidCooldownMs?: number;
  onError?: (error: unknown) => void;
};

export class JwksUnavailableError extends Error {}

/**
 * The per-isolate JWKS cache. Only ES256 signing keys (EC P-256) are kept, imported from their public
 * parts alone; anything else in the set (RSA, HMAC "oct", encryption keys) is ignored, which closes the
 * HS/RS confusion door before the verifier is even asked.
 */
export class JwksCache {
  private keys = new Map<string, CryptoKey>();
  /** Bumped whenever the trusted key set changes, so results derived from old keys can be dropped. */
  version = 0;
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | null = null;
  private readonly options: Required<Omit<JwksCacheOptions, "onError">> & Pick<JwksCacheOptions, "onError">;

  constructor(options: JwksCacheOptions) {
    this.options = { ttlMs: 10 * 60_000, unknownKidCooldownMs: 30_000, ...options };
  }

  /** The key for `kid`, or null if no trusted JWKS lists it (after at most one cooled-down refetch). */
  async getKey(kid: string): Promise<CryptoKey | null> {
    const now = this.options.now();
    if (now - this.fetchedAt >= this.options.ttlMs) await this.refresh();
    const key = this.keys.get(kid);
    if (key) return key;
    if (this.options.now() - this.fetchedAt < this.options.unknownKidCooldownMs) return null;
    await this.refresh();
    return this.keys.get(kid) ?? null;
  }

  private refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async load(): Promise<void> {
    // The attempt counts for the cooldown even when it fails, so an origin outage is not amplified.
    this.fetchedAt = this.options.now();
    const results = await Promise.allSettled(this.options.urls.map((url) => this.fetchSet(url)));
    const next = new Map<string, CryptoKey>();
    let anyLoaded = false;
    for (const result of results) {
      if (result.status === "rejected") {
        this.options.onError?.(result.reason);
        continue;
      }
      anyLoaded = true;
      for (const [kid, key] of result.value) next.set(kid, key);
    }
    // Keep serving the keys we had when every origin is down; tokens are short-lived anyway.
    if (anyLoaded) {
      if (!sameKids(this.keys, next)) this.version++;
      this.keys = next;
    } else if (this.keys.size === 0) throw new JwksUnavailableError("no JWKS could be loaded");
  }

  private async fetchSet(url: string): Promise<Map<string, CryptoKey>> {
    const response = await this.options.fetchJwks(url);
    if (!response.ok) throw new Error(`JWKS ${url} answered ${response.status}`);
    const body = (await response.json()) as { keys?: unknown };
    const keys = new Map<string, CryptoKey>();
    if (!Array.isArray(body.keys)) throw new Error(`JWKS ${url} has no keys array`);
    for (const jwk of body.keys as Record<string, unknown>[]) {
      if (!isEs256SigningKey(jwk)) continue;
      const key = await importJWK({ kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y }, "ES256");
      keys.set(jwk.kid, key as CryptoKey);
    }
    return keys;
  }
}

function isEs256SigningKey(
  jwk: Record<string, unknown>,
): jwk is { kid: string; x: string; y: string } & Record<string, unknown> {
  return (
    jwk.kty === "EC" &&
    jwk.crv === "P-256" &&
    typeof jwk.kid === "string" &&
    jwk.kid.length > 0 &&
    typeof jwk.x === "string" &&
    typeof jwk.y === "string" &&
    (jwk.alg === undefined || jwk.alg === "ES256") &&
    (jwk.use === undefined || jwk.use === "sig")
  );
}

function sameKids(a: Map<string, CryptoKey>, b: Map<string, CryptoKey>): boolean {
  if (a.size !== b.size) return false;
  for (const kid of a.keys()) if (!b.has(kid)) return false;
  return true;
}
