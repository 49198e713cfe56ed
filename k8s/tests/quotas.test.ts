import { describe, expect, it } from "vitest";
import { quantity } from "./support/quantity.ts";
import { type K8sObject, parseObjects, regions, renderText } from "./support/render.ts";

// A quota that is too small fails exactly when it matters: at peak, mid-release. Every namespace's
// quota must hold each workload at its autoscaling maximum plus its release surge, every CronJob
// running at once, and the migration Jobs.

const everything = [
  "--set",
  "services.cashier.enabled=true,services.kyc.enabled=true,services.bonus.enabled=true,services.stream-gateway.enabled=true,migrations.contract=true",
];

type Totals = Record<"requests.cpu" | "requests.memory" | "limits.cpu" | "limits.memory", number>;

function peakPods(workload: K8sObject, hpas: K8sObject[]): number {
  const hpa = hpas.find(
    (h) =>
      h.metadata.namespace === workload.metadata.namespace &&
      h.spec.scaleTargetRef.name === workload.metadata.name,
  );
  const max = hpa?.spec.maxReplicas ?? workload.spec.replicas ?? 1;
  const strategy = workload.spec.strategy ?? {};
  if (strategy.blueGreen) return max + (strategy.blueGreen.previewReplicaCount ?? max);
  const surge = strategy.canary?.maxSurge ?? strategy.rollingUpdate?.maxSurge ?? 1;
  return (
    max +
    (String(surge).endsWith("%")
      ? Math.ceil((max * Number.parseInt(String(surge), 10)) / 100)
      : Number(surge))
  );
}

describe.each(regions)("resource quotas of region %s", (region) => {
  const foundation = parseObjects(renderText("helm3", "croupier-foundation", region));
  const core = parseObjects(renderText("helm3", "croupier", region, everything));
  const hpas = core.filter((o) => o.kind === "HorizontalPodAutoscaler");

  it("hold every workload at peak scale plus its release surge", () => {
    const need = new Map<string, Totals>();
    const add = (
      ns: string,
      pods: number,
      containers: { resources: Record<string, Record<string, string>> }[],
    ) => {
      const totals = need.get(ns) ?? {
        "requests.cpu": 0,
        "requests.memory": 0,
        "limits.cpu": 0,
        "limits.memory": 0,
      };
      for (const c of containers) {
        totals["requests.cpu"] += pods * quantity(c.resources.requests?.cpu ?? "0");
        totals["requests.memory"] += pods * quantity(c.resources.requests?.memory ?? "0");
        totals["limits.cpu"] += pods * quantity(c.resources.limits?.cpu ?? "0");
        totals["limits.memory"] += pods * quantity(c.resources.limits?.memory ?? "0");
      }
      need.set(ns, totals);
    };
    for (const o of [...core, ...foundation]) {
      const ns = o.metadata.namespace ?? "";
      if (o.kind === "Rollout" || o.kind === "Deployment" || o.kind === "StatefulSet") {
        add(ns, peakPods(o, hpas), o.spec.template.spec.containers);
      } else if (o.kind === "CronJob") {
        add(ns, 1, o.spec.jobTemplate.spec.template.spec.containers);
      } else if (o.kind === "Job") {
        add(ns, 1, o.spec.template.spec.containers);
      } else if (o.kind === "Cluster") {
        const r = o.spec.resources;
        add(ns, o.spec.instances, [{ resources: r }]);
      }
    }
    const quotas = foundation.filter((o) => o.kind === "ResourceQuota");
    expect(need.size).toBeGreaterThan(4);
    for (const [ns, totals] of need) {
      const quota = quotas.find((q) => q.metadata.namespace === ns);
      expect(quota, ns).toBeDefined();
      for (const [key, value] of Object.entries(totals)) {
        const limit = quantity(quota?.spec.hard[key]);
        expect(value, `${ns} ${key}: needs ${value}, quota ${quota?.spec.hard[key]}`).toBeLessThanOrEqual(
          limit,
        );
      }
    }
  });
});
