import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  charts,
  type K8sObject,
  parseObjects,
  type Region,
  regionObjects,
  regions,
  renderText,
} from "./support/render.ts";
import { chartsRoot } from "./support/tools.ts";

/** Every string (keys included) of an object tree. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, out);
  else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      strings(item, out);
    }
  }
  return out;
}

/** The region-specific settings of a region: every string in its values-<region>.yaml files. */
function regionSettings(region: Region): Set<string> {
  const values = charts.flatMap((chart) =>
    strings(parse(readFileSync(join(chartsRoot, chart, `values-${region}.yaml`), "utf8"))),
  );
  return new Set(values.filter((v) => v.length >= 4));
}

const objectsByRegion = new Map<Region, K8sObject[]>(regions.map((r) => [r, regionObjects(r)]));
const textByRegion = new Map<Region, string>(
  regions.map((r) => [r, (objectsByRegion.get(r) ?? []).map((o) => JSON.stringify(o)).join("\n")]),
);

describe.each(regions)("data residency of region %s", (region) => {
  const objects = objectsByRegion.get(region) ?? [];
  const text = textByRegion.get(region) ?? "";

  it.each(regions.filter((r) => r !== region))(
    "names none of region %s's hosts, buckets, secrets, networks or roles",
    (other) => {
      const own = regionSettings(region);
      const leaked = [...regionSettings(other)].filter(
        (setting) => !own.has(setting) && text.includes(setting),
      );
      expect(leaked).toEqual([]);
    },
  );

  it("names its streams, subjects, databases and buckets after itself", () => {
    const upper = region.toUpperCase();
    for (const stream of objects.filter((o) => o.kind === "Stream")) {
      expect(stream.spec.name).toMatch(new RegExp(`_${upper}$`));
      for (const subject of stream.spec.subjects)
        expect(subject).toMatch(new RegExp(`^(${region}\\.[a-z]+\\.>|inbound\\.>)$`));
    }
    for (const store of objects.filter((o) => o.kind === "ObjectStore")) {
      expect(store.spec.configuration.destinationPath).toMatch(new RegExp(`^s3://croupier-${region}-`));
    }
    for (const cluster of objects.filter((o) => o.kind === "Cluster")) {
      expect(cluster.metadata.labels?.["croupier.io/data-residency"]).toBe(region);
    }
    const config = objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === "nats-config")?.data[
      "nats.conf"
    ];
    expect(config).toContain(`name: "croupier-${region}"`);
    expect(config).toContain(`domain: "${region}"`);
  });

  it("leaves the region only through the global non-PII hub", () => {
    const urls = [
      ...text
        .replaceAll("\\", "")
        .matchAll(/((?:https?|nats|nats-leaf|s3):\/\/)(?:[^@"/]*?@)?([a-z0-9.-]+)/g),
    ].map((m) => `${m[1]}${m[2]}`);
    const external = new Set(
      urls.filter((u) => !/\.svc(\.cluster\.local)?$/.test(u) && !u.includes(".svc.")),
    );
    for (const url of external) {
      expect(url).toMatch(
        new RegExp(
          `^(nats-leaf://hub\\.global\\.croupier\\.example|s3://croupier-${region}-[a-z-]+|https://(fulcio|rekor)\\.sigstore\\.dev|https://token\\.actions\\.githubusercontent\\.com|https://github\\.com|https://spdx\\.dev)$`,
        ),
      );
    }
  });
});

describe("the EU render", () => {
  it("names no UK or Canadian endpoint, database, stream or authority", () => {
    const text = textByRegion.get("eu") ?? "";
    // NATS's TLS option `ca_file` is a key name, not a region.
    const tokens = new Set(
      text
        .replaceAll("ca_file", "")
        .toLowerCase()
        .split(/[^a-z0-9]+/),
    );
    for (const foreign of ["uk", "gb", "ukgc", "london", "ca", "agco", "ontario", "toronto", "montreal"]) {
      expect(tokens.has(foreign), foreign).toBe(false);
    }
    expect(text).not.toMatch(/_UK\b|_CA\b|eu-west-2|ca-central-1/);
  });

  it("would be caught naming a UK bucket (the check is not vacuous)", () => {
    const leaky = parseObjects(
      renderText("helm3", "croupier", "eu", [
        "--set",
        "objectStore.exportsBucket=croupier-uk-regulatory-exports",
      ]),
    );
    const text = leaky.map((o) => JSON.stringify(o)).join("\n");
    const leaked = [...regionSettings("uk")].filter(
      (setting) => !regionSettings("eu").has(setting) && text.includes(setting),
    );
    expect(leaked).toEqual(["croupier-uk-regulatory-exports"]);
  });
});
