import type { ServiceVariables } from "@croupier/core/http/context";
import type { Logger } from "@croupier/core/log";
import type { ServiceMetrics } from "@croupier/core/metrics";
import type { Tracing } from "@croupier/core/tracing";
import type { Database } from "@croupier/db/client";
import type { EdgeIdentity } from "@croupier/edge-auth";
import type { BridgeClient } from "./clients/bridge.ts";
import type { LedgerClient } from "./clients/ledger.ts";
import type { PasswordHasher } from "./crypto/password.ts";
import type { PlayerApiConfig } from "./env.ts";
import type { KeyRing } from "./keys/key-ring.ts";
import type { SessionCounters } from "./session-metrics.ts";

/** Everything the app needs, injected (tests pass their own). */
export interface PlayerApiDeps {
  config: PlayerApiConfig;
  log: Logger;
  metrics: ServiceMetrics;
  tracing?: Tracing;
  database: Database;
  keys: KeyRing;
  passwords: PasswordHasher;
  ledger: LedgerClient;
  bridge: BridgeClient;
  clock: () => Date;
  isDraining?: () => boolean;
  /** Session lifecycle counters (absent in documents built without a runtime). */
  counters?: SessionCounters;
  /** swagger-ui assets for /docs, read from the installed package at start. */
  docsAssets?: { script: string; css: string };
}

export interface AuthenticatedPlayer {
  playerId: string;
  sessionId: string;
  jurisdiction: string;
  region: string;
  currency: string;
}

export interface AuthenticatedStaff {
  staffId: string;
  email: string;
  roles: string[];
}

export interface PlayerApiEnv {
  Variables: ServiceVariables & {
    edgeIdentity: EdgeIdentity;
    player: AuthenticatedPlayer;
    staff: AuthenticatedStaff;
    /** Extra facts a back-office handler wants in its audit record. */
    auditDetails: Record<string, unknown>;
  };
}

/** The deps a domain verb needs plus the request's correlation headers for downstream calls. */
export interface DomainContext {
  deps: PlayerApiDeps;
  correlation: Record<string, string>;
}
