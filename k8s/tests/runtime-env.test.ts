import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { parseEnv } from "../../shared/core/src/env.ts";
import { parseObjects, regions, renderText } from "./support/render.ts";
import { repoRoot } from "./support/tools.ts";

// Each service parses its configuration once at start and exits 78 on anything missing or
// malformed (docs/adr/0003). Feed every service's own env schema with exactly what the chart gives
// its pods — literal values as rendered, secrets as stand-ins of the right shape — so a variable
// the chart forgets, misspells or mis-formats fails here instead of in a crash-looping rollout.

// Variables read by the runtime or libraries rather than by the service's schema.
const platformVariables = new Set(["NODE_ENV", "OTEL_SERVICE_NAME"]);

const services = readdirSync(join(repoRoot, "services")).filter((name) =>
  existsSync(join(repoRoot, "services", name, "src", "env.ts")),
);

async function envShape(service: string): Promise<Record<string, unknown>> {
  const module = (await import(
    pathToFileURL(join(repoRoot, "services", service, "src", "env.ts")).href
  )) as Record<string, unknown>;
  // The env schema is the exported plain object whose every value is a zod schema.
  const isSchema = (value: unknown) =>
    typeof (value as { safeParse?: unknown } | null)?.safeParse === "function";
  const [, shape] =
    Object.entries(module).find(
      ([, value]) =>
        value !== null &&
        typeof value === "object" &&
        !Array.isArray(value) &&
        !isSchema(value) &&
        Object.values(value).length > 0 &&
        Object.values(value).every(isSchema),
    ) ?? [];
  if (!shape)
    throw new Error(`services/${service}/src/env.ts exports no env schema (an object of zod schemas)`);
  return shape as Record<string, unknown>;
}

function standIn(service: string, key: string): string {
  if (key === "DATABASE_URL")
    return `postgres://${service}:stand-in@${service}-pg-rw.croupier-data.svc:5432/croupier_${service}`;
  if (key === "SERVICE_CALLERS") {
    const declared =
      JSON.parse(readFileSync(join(repoRoot, "services", service, "package.json"), "utf8")).croupier
        ?.callers ?? {};
    return Object.entries(declared as Record<string, string>)
      .map(([caller, role]) => `${caller}:${role}:${"c".repeat(43)}`)
      .join(",");
  }
  return "s".repeat(43); // base64url of 32 bytes: long enough for every secret schema
}

describe.each(regions)("services start with the configuration the chart gives them (%s)", (region) => {
  const objects = parseObjects(renderText("helm3", "croupier", region));

  it.each(services)("%s", async (service) => {
    const workload = objects.find(
      (o) => (o.kind === "Rollout" || o.kind === "Deployment") && o.metadata.name === service,
    );
    if (!workload) return; // a prepared service that is not switched on yet
    const shape = await envShape(service);
    const env: Record<string, string> = {};
    for (const variable of workload.spec.template.spec.containers[0].env as {
      name: string;
      value?: string;
      valueFrom?: { secretKeyRef?: { key: string } };
    }[]) {
      env[variable.name] =
        variable.value ?? standIn(service, variable.valueFrom?.secretKeyRef?.key ?? variable.name);
    }
    const unknown = Object.keys(env).filter((name) => !(name in shape) && !platformVariables.has(name));
    expect(unknown, "variables the service does not read").toEqual([]);
    expect(() => parseEnv(shape as Parameters<typeof parseEnv>[0], env)).not.toThrow();
    const config = parseEnv(shape as Parameters<typeof parseEnv>[0], env) as Record<string, unknown>;
    expect(config.REGION).toBe(region);
  });
});
