// Counters of the session lifecycle, on the service's registry (alerts: a burst of refresh-token
// reuse means stolen tokens; a burst of failed logins means credential stuffing past the edge).
import { Counter, type Registry } from "prom-client";

export interface SessionCounters {
  logins: Counter<"outcome">;
  refreshReuse: Counter;
  registrations: Counter<"jurisdiction">;
}

export function sessionCounters(registry: Registry): SessionCounters {
  return {
    logins: new Counter({
      name: "player_logins_total",
      help: "Login attempts by outcome (ok, invalid_credentials, refused).",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    refreshReuse: new Counter({
      name: "player_refresh_token_reuse_total",
      help: "Spent refresh tokens presented again (each revoked a session family).",
      registers: [registry],
    }),
    registrations: new Counter({
      name: "player_registrations_total",
      help: "Players registered, by jurisdiction.",
      labelNames: ["jurisdiction"] as const,
      registers: [registry],
    }),
  };
}
