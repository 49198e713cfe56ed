import { describe, expect, it } from "vitest";
import { type K8sObject, parseObjects, regionObjects, regions, renderText } from "./support/render.ts";
import { containersOf, longRunningKinds, nameOf, type PodSpec, podSpecOf } from "./support/workloads.ts";

const everything = [
  "--set",
  "services.cashier.enabled=true,services.kyc.enabled=true,services.bonus.enabled=true,services.stream-gateway.enabled=true,migrations.contract=true",
];

/** Pod specs of every workload, plus the Job that the wallet's pre-promotion analysis starts. */
function podSpecs(objects: K8sObject[]): [string, PodSpec, K8sObject][] {
  const specs: [string, PodSpec, K8sObject][] = [];
  for (const obj of objects) {
    const spec = podSpecOf(obj);
    if (spec) specs.push([nameOf(obj), spec, obj]);
    if (obj.kind === "ClusterAnalysisTemplate") {
      for (const metric of obj.spec.metrics) {
        const job = metric.provider.job;
        if (job) specs.push([`${nameOf(obj)} metric ${metric.name}`, job.spec.template.spec, obj]);
      }
    }
  }
  return specs;
}

describe.each(regions)("workloads of region %s", (region) => {
  const objects = [
    ...regionObjects(region),
    ...parseObjects(renderText("helm3", "croupier", region, everything)),
  ];
  const specs = podSpecs(objects);

  it("there are workloads to check", () => {
    const kinds = new Set(specs.map(([, , obj]) => obj.kind));
    for (const kind of [
      "Rollout",
      "Deployment",
      "StatefulSet",
      "CronJob",
      "Job",
      "Pod",
      "ClusterAnalysisTemplate",
    ]) {
      expect(kinds).toContain(kind);
    }
  });

  it("every long-running container has startup, liveness and readiness probes", () => {
    for (const [name, spec, obj] of specs) {
      if (!longRunningKinds.has(obj.kind)) continue;
      for (const container of spec.containers) {
        for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
          expect(container[probe], `${name} ${container.name} ${probe}`).toBeDefined();
        }
      }
    }
  });

  it("every container has CPU and memory requests and limits", () => {
    for (const [name, spec] of specs) {
      for (const container of containersOf(spec)) {
        for (const kind of ["requests", "limits"]) {
          expect(container.resources?.[kind]?.cpu, `${name} ${container.name} ${kind}.cpu`).toBeDefined();
          expect(
            container.resources?.[kind]?.memory,
            `${name} ${container.name} ${kind}.memory`,
          ).toBeDefined();
        }
      }
    }
  });

  it("every container runs restricted: non-root, read-only root, no capabilities, RuntimeDefault seccomp", () => {
    for (const [name, spec] of specs) {
      expect(spec.securityContext?.runAsNonRoot, name).toBe(true);
      expect(spec.securityContext?.seccompProfile?.type, name).toBe("RuntimeDefault");
      for (const container of containersOf(spec)) {
        const sc = container.securityContext ?? {};
        const label = `${name} ${container.name}`;
        expect(sc.runAsNonRoot, label).toBe(true);
        expect(sc.runAsUser, label).not.toBe(0);
        expect(sc.readOnlyRootFilesystem, label).toBe(true);
        expect(sc.allowPrivilegeEscalation, label).toBe(false);
        expect(sc.privileged ?? false, label).toBe(false);
        expect(sc.capabilities?.drop, label).toEqual(["ALL"]);
        expect(sc.capabilities?.add, label).toBeUndefined();
        expect(sc.seccompProfile?.type, label).toBe("RuntimeDefault");
      }
    }
  });

  it("no pod mounts a service account token it does not need", () => {
    for (const [name, spec] of specs) {
      expect(spec.automountServiceAccountToken, name).toBe(false);
    }
  });

  it("every image is pinned by digest in the project's registry", () => {
    for (const [name, spec] of specs) {
      for (const container of containersOf(spec)) {
        expect(container.image, name).toMatch(
          /^registry\.croupier\.example\/[a-z0-9./-]+(:[\w.-]+)?@sha256:[a-f0-9]{64}$/,
        );
      }
    }
    for (const cluster of objects.filter((o) => o.kind === "Cluster")) {
      expect(cluster.spec.imageName).toMatch(/@sha256:[a-f0-9]{64}$/);
    }
  });

  it("no Secret carries data: every secret comes from an ExternalSecret", () => {
    for (const secret of objects.filter((o) => o.kind === "Secret")) {
      expect(secret.data ?? secret.stringData, nameOf(secret)).toBeUndefined();
    }
    const stores = new Set(
      objects.filter((o) => o.kind === "ClusterSecretStore").map((o) => o.metadata.name),
    );
    const externalSecrets = objects.filter((o) => o.kind === "ExternalSecret");
    expect(externalSecrets.length).toBeGreaterThan(5);
    for (const es of externalSecrets) {
      expect(es.apiVersion).toBe("external-secrets.io/v1");
      expect(es.spec.secretStoreRef.kind).toBe("ClusterSecretStore");
      expect(stores).toContain(es.spec.secretStoreRef.name);
      for (const item of es.spec.data) expect(item.remoteRef.key).toMatch(new RegExp(`^croupier/${region}/`));
    }
  });

  it("every secret a pod reads is materialised by an ExternalSecret in its namespace", () => {
    const provided = new Set(
      objects
        .filter((o) => o.kind === "ExternalSecret")
        .map((o) => `${o.metadata.namespace}/${o.spec.target.name ?? o.metadata.name}`),
    );
    for (const [name, spec, obj] of specs) {
      const ns = obj.kind === "ClusterAnalysisTemplate" ? undefined : obj.metadata.namespace;
      if (!ns) continue;
      for (const container of containersOf(spec)) {
        for (const env of container.env ?? []) {
          const ref = env.valueFrom?.secretKeyRef?.name;
          if (ref) expect(provided, `${name} reads secret ${ref}`).toContain(`${ns}/${ref}`);
        }
      }
      for (const volume of spec.volumes ?? []) {
        if (volume.secret)
          expect(provided, `${name} mounts ${volume.secret.secretName}`).toContain(
            `${ns}/${volume.secret.secretName}`,
          );
      }
    }
  });

  it("PodDisruptionBudgets never set maxUnavailable to 0 and cover every service", () => {
    const pdbs = objects.filter((o) => o.kind === "PodDisruptionBudget");
    for (const pdb of pdbs) {
      expect(String(pdb.spec.maxUnavailable ?? "unset"), nameOf(pdb)).not.toMatch(/^0%?$/);
    }
    for (const workload of objects.filter((o) => longRunningKinds.has(o.kind))) {
      const labels = workload.spec.template.metadata.labels;
      const covered = pdbs.some(
        (p) =>
          p.metadata.namespace === workload.metadata.namespace &&
          Object.entries(p.spec.selector.matchLabels).every(([k, v]) => labels[k] === v),
      );
      expect(covered, nameOf(workload)).toBe(true);
    }
  });

  it("money services never lose capacity in a rolling update", () => {
    const money = objects.filter(
      (o) =>
        (o.kind === "Deployment" || o.kind === "Rollout") &&
        o.metadata.labels?.["croupier.io/tier"] === "money",
    );
    expect(money.map((o) => o.metadata.name)).toEqual(
      expect.arrayContaining(["ledger", "bridge", "cashier"]),
    );
    for (const workload of money) {
      if (workload.kind === "Deployment") {
        expect(workload.spec.strategy).toEqual({
          type: "RollingUpdate",
          rollingUpdate: { maxUnavailable: 0, maxSurge: 1 },
        });
      } else if (workload.spec.strategy.canary) {
        expect(workload.spec.strategy.canary.maxUnavailable).toBe(0);
      } else {
        // Blue-green brings up a full preview stack before the switch.
        expect(workload.spec.strategy.blueGreen.previewReplicaCount).toBeGreaterThanOrEqual(3);
      }
      expect(workload.spec.template.spec.priorityClassName).toBe("croupier-money-critical");
    }
  });

  it("services keep the runtime contract: entry point, port, region and dependencies in the environment", () => {
    for (const workload of objects.filter(
      (o) => o.metadata.labels?.["app.kubernetes.io/component"] === "service" && longRunningKinds.has(o.kind),
    )) {
      const container = workload.spec.template.spec.containers[0];
      const env = Object.fromEntries(
        container.env.map((e: { name: string; value?: string; valueFrom?: unknown }) => [
          e.name,
          e.value ?? e.valueFrom,
        ]),
      );
      expect(container.args).toEqual([`services/${workload.metadata.name}/src/main.node.ts`]);
      expect(env.PORT).toBe(String(container.ports[0].containerPort));
      expect(env.REGION).toBe(region);
      const natsClient = workload.spec.template.metadata.labels["croupier.io/nats-client"] === "true";
      expect(env.NATS_URL === undefined, workload.metadata.name).toBe(!natsClient);
      if (natsClient) expect(env.NATS_URL).toMatch(/^nats:\/\//);
      expect(container.readinessProbe.httpGet.path).toBe("/healthz/ready");
      expect(container.livenessProbe.httpGet.path).toBe("/healthz/live");
      expect(container.lifecycle.preStop.sleep.seconds).toBeGreaterThan(0);
      expect(workload.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(15);
    }
    const env = (name: string) =>
      objects
        .find((o) => o.kind === "Rollout" && o.metadata.name === name)
        ?.spec.template.spec.containers[0].env.map((e: { name: string }) => e.name);
    expect(env("player-api")).toEqual(
      expect.arrayContaining([
        "LEDGER_URL",
        "BRIDGE_URL",
        "DATABASE_URL",
        "EDGE_SIGNING_SECRET",
        "SERVICE_TOKEN_SECRET",
      ]),
    );
    expect(env("bridge")).toEqual(
      expect.arrayContaining(["LEDGER_URL", "DATABASE_URL", "SERVICE_TOKEN_SECRET"]),
    );
    expect(env("ledger")).not.toContain("EDGE_SIGNING_SECRET");
  });

  it("every service scales on CPU and on request rate", () => {
    const hpas = objects.filter((o) => o.kind === "HorizontalPodAutoscaler");
    const services = objects.filter(
      (o) => longRunningKinds.has(o.kind) && o.metadata.labels?.["app.kubernetes.io/component"] === "service",
    );
    for (const service of services) {
      const hpa = hpas.find(
        (h) =>
          h.metadata.namespace === service.metadata.namespace &&
          h.spec.scaleTargetRef.name === service.metadata.name,
      );
      expect(hpa, nameOf(service)).toBeDefined();
      expect(hpa?.spec.scaleTargetRef.kind).toBe(service.kind);
      const metrics = hpa?.spec.metrics.map(
        (m: { type: string; resource?: { name: string }; pods?: { metric: { name: string } } }) =>
          m.type === "Resource" ? `cpu:${m.resource?.name}` : `pods:${m.pods?.metric.name}`,
      );
      expect(metrics).toEqual(["cpu:cpu", "pods:http_requests_per_second"]);
      expect(hpa?.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(service.spec.replicas, `${nameOf(service)} leaves replicas to its HPA`).toBeUndefined();
    }
  });

  it("the ETL worker is sized by a VPA", () => {
    const vpa = objects.find(
      (o) => o.kind === "VerticalPodAutoscaler" && o.metadata.name === "reporting-etl",
    );
    expect(vpa?.spec.targetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: "reporting-etl" });
    expect(["Recreate", "InPlaceOrRecreate", "Auto"]).toContain(vpa?.spec.updatePolicy.updateMode);
    expect(objects.some((o) => o.kind === "Deployment" && o.metadata.name === "reporting-etl")).toBe(true);
  });

  it("reporting CronJobs never overlap and run at the lowest priority, in the regulator's time zone", () => {
    const cronJobs = objects.filter((o) => o.kind === "CronJob");
    expect(cronJobs.length).toBeGreaterThanOrEqual(2);
    for (const cron of cronJobs) {
      expect(cron.spec.concurrencyPolicy).toBe("Forbid");
      expect(cron.spec.jobTemplate.spec.template.spec.priorityClassName).toBe("croupier-batch-low");
      expect(cron.spec.timeZone).toMatch(/^(UTC|[A-Z][a-z]+\/[A-Za-z_]+)$/);
      expect(cron.spec.startingDeadlineSeconds).toBeGreaterThan(0);
      expect(cron.spec.jobTemplate.spec.activeDeadlineSeconds).toBeGreaterThan(0);
    }
  });

  it("migrations expand before the sync and contract after it, only when switched on", () => {
    const jobs = objects.filter(
      (o) => o.kind === "Job" && o.metadata.labels?.["app.kubernetes.io/component"] === "migration",
    );
    const expand = jobs.filter((j) => j.metadata.name.endsWith("-expand"));
    const contract = jobs.filter((j) => j.metadata.name.endsWith("-contract"));
    expect(expand.map((j) => j.metadata.name)).toEqual(
      expect.arrayContaining(["ledger-migrate-expand", "bridge-migrate-expand", "player-api-migrate-expand"]),
    );
    for (const job of expand) {
      expect(job.metadata.annotations?.["argocd.argoproj.io/hook"]).toBe("PreSync");
      expect(job.metadata.annotations?.["helm.sh/hook"]).toBe("pre-install,pre-upgrade");
      const container = job.spec.template.spec.containers[0];
      expect(container.args[0]).toMatch(/^services\/[a-z-]+\/src\/migrate\.ts$/);
      expect(container.env).toContainEqual({ name: "MIGRATION_PHASE", value: "expand" });
      expect(job.spec.backoffLimit).toBeLessThanOrEqual(2);
    }
    for (const job of contract)
      expect(job.metadata.annotations?.["argocd.argoproj.io/hook"]).toBe("PostSync");
    const defaults = parseObjects(renderText("helm3", "croupier", region));
    expect(defaults.filter((o) => o.kind === "Job" && o.metadata.name.endsWith("-contract"))).toEqual([]);
  });

  it("every object carries the region and jurisdiction labels", () => {
    for (const obj of regionObjects(region)) {
      expect(obj.metadata.labels?.["croupier.io/region"], nameOf(obj)).toBe(region);
      expect(obj.metadata.labels?.["croupier.io/jurisdiction"], nameOf(obj)).toMatch(
        new RegExp(`^${region}`),
      );
      expect(obj.metadata.labels?.["app.kubernetes.io/part-of"], nameOf(obj)).toBe("croupier");
    }
  });
});
