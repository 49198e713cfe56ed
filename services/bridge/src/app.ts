import { createServiceApp } from "@croupier/core/http/app";
import type { ServiceEnv } from "@croupier/core/http/context";
import type { Logger } from "@croupier/core/log";
import type { ServiceMetrics } from "@croupier/core/metrics";
import type { ServiceCaller } from "@croupier/core/service-auth";
import { formatTraceparent } from "@croupier/core/trace-context";
import type { Tracing } from "@croupier/core/tracing";
import type { Context } from "hono";
import { Counter } from "prom-client";
import type { AdapterDeps } from "./adapters/adapter-deps.ts";
import { evolutionRoutes } from "./adapters/evolution/routes.ts";
import { hub88Routes } from "./adapters/hub88/routes.ts";
import { createProviderAuth } from "./adapters/provider-keys.ts";
import type { DomainContext } from "./domain/context.ts";
import type { BridgeStore } from "./domain/store-port.ts";
import type { WalletPort } from "./domain/wallet-port.ts";
import type { ProviderGateway } from "./outbound/provider-gateway.ts";
import { registerGames } from "./routes/games/index.ts";
import { registerLaunch } from "./routes/launch/index.ts";
import { registerProviderHealth } from "./routes/providers/health.ts";
import { requireCaller } from "./routes/require-caller.ts";
import type { ResponseSigner } from "./signing/response-signer.ts";

export const bridgeDescription =
  "Gaming bridge: seamless-wallet callbacks from game providers, game catalogue and launch.";

export interface BridgeDeps {
  log: Logger;
  metrics: ServiceMetrics;
  tracing?: Tracing;
  store: BridgeStore;
  wallet: WalletPort;
  signer: ResponseSigner;
  gateway: ProviderGateway;
  callers: ServiceCaller[];
  clock?: () => Date;
  sessionTtlMs?: number;
  maxProviderBodyBytes?: number;
  publicLaunchBaseUrl?: string;
  readiness?: Record<string, () => Promise<boolean>>;
  isDraining?: () => boolean;
}

/** Builds the bridge's HTTP app from injected dependencies; never listens. */
export function createApp(deps: BridgeDeps) {
  const clock = deps.clock ?? (() => new Date());
  const app = createServiceApp({
    service: "bridge",
    description: bridgeDescription,
    log: deps.log,
    metrics: deps.metrics,
    tracing: deps.tracing,
    isDraining: deps.isDraining,
    readiness: deps.readiness ?? {},
    selfCheckedBodyPaths: ["/providers/"],
  });

  const domain = (c: Context<ServiceEnv>): DomainContext => ({
    store: deps.store,
    wallet: deps.wallet,
    clock,
    log: c.get("log"),
    call: { requestId: c.get("requestId"), traceparent: formatTraceparent(c.get("trace")) },
  });

  const calls = new Counter({
    name: "bridge_provider_calls_total",
    help: "Provider wallet calls by adapter, endpoint and canonical outcome.",
    labelNames: ["adapter", "endpoint", "outcome"],
    registers: [deps.metrics.registry],
  });
  const adapterDeps: AdapterDeps = {
    domain,
    auth: createProviderAuth(deps.store),
    signer: deps.signer,
    maxBodyBytes: deps.maxProviderBodyBytes ?? 16_384,
    observe: (adapter, endpoint, outcome) => calls.inc({ adapter, endpoint, outcome }),
  };
  app.route("/providers/hub88", hub88Routes(adapterDeps));
  app.route("/providers/evolution", evolutionRoutes(adapterDeps));

  app.use("/v1/*", requireCaller(deps.callers, ["player"]));
  registerGames(app, deps.store);
  registerLaunch(app, {
    domain,
    gateway: deps.gateway,
    sessionTtlMs: deps.sessionTtlMs ?? 4 * 3600_000,
    publicLaunchBaseUrl: deps.publicLaunchBaseUrl,
  });
  registerProviderHealth(app, deps.store, deps.gateway);
  return app;
}
