// The environment each service gets on one machine: the same for `npm start` and the tests.
import { deriveSecret } from "./secrets.ts";
import { envName, type ServiceManifest } from "./services.ts";

export interface PlatformEndpoints {
  databaseUrlFor: (database: string) => string;
  natsUrl: string;
  region: string;
  masterSecret: string;
  /** Base URL of the edge, when it runs. */
  edgeUrl?: string;
  logLevel?: string;
}

export function serviceEnv(service: ServiceManifest, all: ServiceManifest[], endpoints: PlatformEndpoints) {
  const env: Record<string, string> = {
    PORT: String(service.port),
    REGION: endpoints.region,
    LOG_LEVEL: endpoints.logLevel ?? "info",
    NATS_URL: endpoints.natsUrl,
    SERVICE_NAME: service.name,
    SERVICE_TOKEN_SECRET: deriveSecret(endpoints.masterSecret, `service-token:${service.name}`),
    EDGE_SIGNING_SECRET: deriveSecret(endpoints.masterSecret, "edge-signing"),
  };
  if (service.database) env.DATABASE_URL = endpoints.databaseUrlFor(service.database);
  for (const other of all) env[`${envName(other.name)}_URL`] = `http://127.0.0.1:${other.port}`;
  if (endpoints.edgeUrl) env.EDGE_URL = endpoints.edgeUrl;
  const callers = Object.entries(service.callers).map(
    ([caller, role]) =>
      `${caller}:${role}:${deriveSecret(endpoints.masterSecret, `service-token:${caller}`)}`,
  );
  if (callers.length > 0) env.SERVICE_CALLERS = callers.join(",");
  return env;
}
