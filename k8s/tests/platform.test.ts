import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { natsTestEnv, writeRegionalConfig, writeTestCertificate } from "./support/nats-fixture.ts";
import { type K8sObject, parseObjects, regions, renderText } from "./support/render.ts";
import { chartsRoot, k8sRoot, repoRoot, tool } from "./support/tools.ts";

const work = mkdtempSync(join(tmpdir(), "croupier-platform-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function natsConfigTest(file: string): { status: number | null; output: string } {
  const result = spawnSync(tool("nats-server"), ["-t", "-c", file], {
    encoding: "utf8",
    env: { ...process.env, ...natsTestEnv },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe.each(regions)("platform of region %s", (region) => {
  const objects = parseObjects(renderText("helm3", "croupier-foundation", region));
  const of = (kind: string) => objects.filter((o) => o.kind === kind);

  it("nats-server accepts the rendered configuration, every time", () => {
    const file = writeRegionalConfig(objects, join(work, region));
    // nats-server walks accounts in map order, so an import/export cycle is found only on some
    // runs: try enough runs that a cycle cannot slip through.
    for (let attempt = 0; attempt < 20; attempt++) {
      const result = natsConfigTest(file);
      expect(result.status, result.output).toBe(0);
      expect(result.output).toContain("is valid");
    }
  });

  it("runs a 3-server JetStream cluster spread over zones", () => {
    const nats = of("StatefulSet").find((s) => s.metadata.name === "nats") as K8sObject;
    expect(nats.spec.replicas).toBe(3);
    expect(nats.spec.template.spec.topologySpreadConstraints[0]).toMatchObject({
      topologyKey: "topology.kubernetes.io/zone",
      whenUnsatisfiable: "DoNotSchedule",
    });
    const pdb = of("PodDisruptionBudget").find((p) => p.metadata.name === "nats");
    expect(pdb?.spec.maxUnavailable).toBe(1);
  });

  it("links to other regions only from the XREGION account, which carries only non-PII subjects", () => {
    const config = of("ConfigMap").find((c) => c.metadata.name === "nats-config")?.data[
      "nats.conf"
    ] as string;
    const remotes = config.slice(config.indexOf("leafnodes {"));
    expect(remotes).toContain("account: XREGION");
    for (const pii of ["kyc", "player"]) {
      expect(remotes).toMatch(new RegExp(`deny_imports: \\[[^\\]]*"\\*\\.${pii}\\.>"`));
      expect(remotes).toMatch(new RegExp(`deny_exports: \\[[^\\]]*"\\*\\.${pii}\\.>"`));
    }
    // XREGION sees only what CROUPIER exports to it: this region's non-PII subjects.
    const exported = [...config.matchAll(/\{ stream: "([^"]+)", accounts: \[XREGION\] \}/g)].map((m) => m[1]);
    expect(exported).toEqual([`${region}.rg.exclusion.>`, `${region}.reporting.aggregate.>`]);
    // Other regions' subjects arrive only under "inbound." (the hub adds the prefix): never in the
    // region's own subject space, and never overlapping what CROUPIER exports (no cycle).
    const imported = [...config.matchAll(/\{ stream: \{ account: XREGION, subject: "([^"]+)" \} \}/g)].map(
      (m) => m[1],
    );
    expect(imported).toEqual(["inbound.>"]);
    expect(config).toContain('{ stream: "inbound.>", accounts: [CROUPIER] }');
    for (const pii of ["kyc", "player"]) expect(remotes).toContain(`"inbound.*.${pii}.>"`);
  });

  it("defines one replicated stream per domain and region, money streams undeletable", () => {
    const streams = of("Stream");
    expect(streams.map((s) => s.spec.name)).toEqual(
      expect.arrayContaining([
        `WALLET_${region.toUpperCase()}`,
        `BRIDGE_${region.toUpperCase()}`,
        `INBOUND_${region.toUpperCase()}`,
      ]),
    );
    for (const stream of streams) {
      expect(stream.spec.replicas).toBe(3);
      expect(stream.spec.storage).toBe("file");
    }
    const wallet = streams.find((s) => s.spec.name.startsWith("WALLET_"));
    expect(wallet?.spec).toMatchObject({ denyDelete: true, denyPurge: true });
  });

  it("runs PostgreSQL as 3 instances across zones with required synchronous durability and PITR backups", () => {
    const clusters = of("Cluster");
    expect(clusters.map((c) => c.metadata.name)).toEqual(
      expect.arrayContaining(["ledger-pg", "player-pg", "bridge-pg"]),
    );
    for (const cluster of clusters) {
      const spec = cluster.spec;
      expect(spec.instances).toBe(3);
      expect(spec.postgresql.synchronous).toEqual({ method: "any", number: 1, dataDurability: "required" });
      expect(spec.affinity).toMatchObject({
        enablePodAntiAffinity: true,
        podAntiAffinityType: "required",
        topologyKey: "topology.kubernetes.io/zone",
      });
      expect(spec.enableSuperuserAccess).toBe(false);
      const archiver = spec.plugins.find((p: { isWALArchiver?: boolean }) => p.isWALArchiver);
      expect(archiver.name).toBe("barman-cloud.cloudnative-pg.io");
      const store = of("ObjectStore").find((o) => o.metadata.name === archiver.parameters.barmanObjectName);
      expect(store?.spec.configuration.destinationPath).toMatch(
        new RegExp(`^s3://croupier-${region}-pg-backups/`),
      );
      expect(store?.spec.configuration.wal.encryption).toBe("aws:kms");
      const backup = of("ScheduledBackup").find((b) => b.spec.cluster.name === cluster.metadata.name);
      expect(backup?.spec.method).toBe("plugin");
      expect(spec.bootstrap.initdb.secret.name).toBe(`${cluster.metadata.name}-owner`);
    }
  });

  it("lets only labelled clients reach each database and the message bus", () => {
    for (const cluster of of("Cluster")) {
      const policy = of("NetworkPolicy").find((p) => p.metadata.name === cluster.metadata.name);
      const clients = policy?.spec.ingress[0].from[0];
      expect(clients.podSelector.matchLabels["croupier.io/db-access"]).toBe(
        cluster.metadata.name.replace(/-pg$/, ""),
      );
      expect(clients.namespaceSelector.matchLabels["croupier.io/region"]).toBe(region);
    }
    const nats = of("NetworkPolicy").find((p) => p.metadata.name === "nats");
    expect(nats?.spec.ingress[0].from[0].podSelector.matchLabels).toEqual({
      "croupier.io/nats-client": "true",
    });
    expect(nats?.spec.egress.at(-1).ports).toEqual([{ protocol: "TCP", port: 7422 }]);
  });
});

describe("the global hub", () => {
  it("nats-server accepts infra/nats/hub.conf, every time", () => {
    const dir = join(work, "hub");
    writeTestCertificate(join(dir, "tls"));
    const config = readFileSync(join(repoRoot, "infra/nats/hub.conf"), "utf8").replaceAll(
      "/etc/nats/tls",
      join(dir, "tls"),
    );
    const file = join(dir, "hub.conf");
    writeFileSync(file, config);
    for (let attempt = 0; attempt < 20; attempt++) {
      const result = natsConfigTest(file);
      expect(result.status, result.output).toBe(0);
      expect(result.output).toContain("is valid");
    }
  });

  it("gives each region an account that exports only its own non-PII subjects and imports only the others'", () => {
    const config = readFileSync(join(repoRoot, "infra/nats/hub.conf"), "utf8");
    for (const region of regions) {
      const account = config.slice(config.indexOf(`  ${region.toUpperCase()} {`));
      const block = account.slice(0, account.indexOf("\n  }\n"));
      const exports = [...block.matchAll(/\{ stream: "([^"]+)", accounts/g)].map((m) => m[1]);
      expect(exports).toEqual([`${region}.rg.exclusion.>`, `${region}.reporting.aggregate.>`]);
      const imports = [...block.matchAll(/subject: "([^"]+)" \}, prefix: "inbound" \}/g)].map(
        (m) => m[1] ?? "",
      );
      expect(imports).toHaveLength(4);
      expect(block.match(/subject:/g)).toHaveLength(4);
      for (const subject of imports) {
        expect(subject).toMatch(/^(eu|uk|ca)\.(rg\.exclusion|reporting\.aggregate)\.>$/);
        expect(subject.startsWith(`${region}.`)).toBe(false);
      }
      expect(config).toContain(
        `{ user: "CN=leaf.${region}.croupier.example", account: ${region.toUpperCase()} }`,
      );
    }
    expect(config).not.toMatch(/kyc|player/);
  });
});

describe("Argo CD", () => {
  const appSet = parse(readFileSync(join(k8sRoot, "argocd/applicationset.yaml"), "utf8"));

  it("generates one Application per regional cluster (by label) and chart", () => {
    const [clusters, list] = appSet.spec.generators[0].matrix.generators;
    expect(clusters.clusters.selector.matchLabels).toEqual({ "croupier.io/role": "regional" });
    const components = list.list.elements.map((e: { chart: string }) => e.chart);
    expect(components).toEqual(["croupier-policies", "croupier-foundation", "croupier"]);
    for (const chart of components) {
      for (const region of regions)
        expect(existsSync(join(chartsRoot, chart, `values-${region}.yaml`))).toBe(true);
    }
  });

  it("syncs policies, then foundation, then the core (waves and rolling steps)", () => {
    const waves = appSet.spec.generators[0].matrix.generators[1].list.elements.map((e: { wave: string }) =>
      Number(e.wave),
    );
    expect(waves).toEqual([...waves].sort((a: number, b: number) => a - b));
    const steps = appSet.spec.strategy.rollingSync.steps.map(
      (s: { matchExpressions: { key: string; values: string[] }[] }) =>
        s.matchExpressions.find((e) => e.key === "croupier.io/component")?.values.join(","),
    );
    expect(steps).toEqual(["policies", "foundation", "core", "core"]);
    expect(appSet.spec.template.metadata.annotations["argocd.argoproj.io/sync-wave"]).toBe("{{ .wave }}");
  });

  it("orders resources inside a sync: namespaces first, secrets before workloads, migrations before the rollout", () => {
    const wave = (o: K8sObject) => Number(o.metadata.annotations?.["argocd.argoproj.io/sync-wave"] ?? 0);
    const foundation = parseObjects(renderText("helm3", "croupier-foundation", "eu"));
    const core = parseObjects(renderText("helm3", "croupier", "eu"));
    const namespaces = foundation.filter((o) => o.kind === "Namespace").map(wave);
    const clusters = foundation.filter((o) => o.kind === "Cluster").map(wave);
    expect(Math.max(...namespaces)).toBeLessThan(Math.min(...clusters));
    const secrets = core
      .filter((o) => o.kind === "ExternalSecret" && !o.metadata.annotations?.["argocd.argoproj.io/hook"])
      .map(wave);
    const rollouts = core.filter((o) => o.kind === "Rollout").map(wave);
    expect(Math.max(...secrets)).toBeLessThan(Math.min(...rollouts));
  });
});
