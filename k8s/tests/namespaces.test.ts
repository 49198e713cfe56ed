import { describe, expect, it } from "vitest";
import { type K8sObject, parseObjects, regionObjects, regions, renderText } from "./support/render.ts";

const clusterScoped = new Set([
  "Namespace",
  "PriorityClass",
  "ClusterSecretStore",
  "ClusterAnalysisTemplate",
  "ConstraintTemplate",
  "ClusterImagePolicy",
]);

function byKind(objects: K8sObject[], kind: string): K8sObject[] {
  return objects.filter((o) => o.kind === kind);
}

describe.each(regions)("namespaces of region %s", (region) => {
  const objects = regionObjects(region);
  const namespaces = byKind(objects, "Namespace");
  const names = namespaces.map((n) => n.metadata.name);

  it("one namespace per domain plus data and messaging", () => {
    expect(names).toEqual(
      expect.arrayContaining(["croupier-wallet", "croupier-player", "croupier-gaming", "croupier-reporting"]),
    );
    expect(names).toEqual(expect.arrayContaining(["croupier-data", "croupier-messaging"]));
  });

  it("every namespaced object lives in a namespace the foundation creates", () => {
    const used = new Set(
      objects
        .filter((o) => !clusterScoped.has(o.kind) && !o.kind.startsWith("Croupier"))
        .map((o) => o.metadata.namespace),
    );
    for (const ns of used) expect(names).toContain(ns);
  });

  it("every database a pod is labelled for exists in the foundation, and NATS clients have a server", () => {
    const clusters = new Set(byKind(objects, "Cluster").map((c) => c.metadata.name));
    const text = objects.map((o) => JSON.stringify(o)).join("\n");
    const wanted = new Set(
      [...text.matchAll(/"croupier\.io\/db-access":"([a-z-]+)"/g)].map((m) => `${m[1]}-pg`),
    );
    expect(wanted.size).toBeGreaterThan(2);
    for (const cluster of wanted) expect(clusters).toContain(cluster);
    expect(text).toContain('"croupier.io/nats-client":"true"');
    expect(byKind(objects, "StatefulSet").some((s) => s.metadata.name === "nats")).toBe(true);
  });

  it.each(["enforce", "audit", "warn"])(
    "every namespace is labelled Pod Security restricted (%s)",
    (mode) => {
      for (const ns of namespaces) {
        expect(ns.metadata.labels?.[`pod-security.kubernetes.io/${mode}`], ns.metadata.name).toBe(
          "restricted",
        );
        expect(ns.metadata.labels?.[`pod-security.kubernetes.io/${mode}-version`]).toMatch(/^v1\.\d+$/);
      }
    },
  );

  it("every namespace is labelled with its region, jurisdiction and signed-image enforcement", () => {
    for (const ns of namespaces) {
      expect(ns.metadata.labels?.["croupier.io/region"]).toBe(region);
      expect(ns.metadata.labels?.["croupier.io/data-residency"]).toBe(region);
      expect(ns.metadata.labels?.["croupier.io/jurisdiction"]).toMatch(new RegExp(`^${region}`));
      expect(ns.metadata.labels?.["policy.sigstore.dev/include"]).toBe("true");
    }
  });

  it("every namespace denies all ingress and egress by default", () => {
    const policies = byKind(objects, "NetworkPolicy");
    for (const ns of names) {
      const denyAll = policies.filter(
        (p) =>
          p.metadata.namespace === ns &&
          Object.keys(p.spec.podSelector ?? {}).length === 0 &&
          p.spec.policyTypes.includes("Ingress") &&
          p.spec.policyTypes.includes("Egress") &&
          (p.spec.ingress ?? []).length === 0 &&
          (p.spec.egress ?? []).length === 0,
      );
      expect(denyAll, ns).toHaveLength(1);
    }
  });

  it("the only namespace-wide allow is DNS to the cluster resolver", () => {
    const namespaceWide = byKind(objects, "NetworkPolicy").filter(
      (p) => Object.keys(p.spec.podSelector ?? {}).length === 0 && (p.spec.egress ?? []).length > 0,
    );
    expect(namespaceWide).toHaveLength(names.length);
    for (const policy of namespaceWide) {
      expect(policy.spec.ingress ?? []).toEqual([]);
      for (const rule of policy.spec.egress) {
        expect(rule.ports.map((p: { port: number }) => p.port)).toEqual([53, 53]);
        expect(rule.to[0].namespaceSelector.matchLabels["kubernetes.io/metadata.name"]).toBe("kube-system");
      }
    }
  });

  it("no allow rule opens a port to the whole internet", () => {
    for (const policy of byKind(objects, "NetworkPolicy")) {
      for (const rule of [...(policy.spec.ingress ?? []), ...(policy.spec.egress ?? [])]) {
        for (const peer of [...(rule.from ?? []), ...(rule.to ?? [])]) {
          expect(peer.ipBlock?.cidr, policy.metadata.name).not.toBe("0.0.0.0/0");
        }
        expect(rule.from ?? rule.to, `${policy.metadata.name} has a rule without peers`).toBeDefined();
      }
    }
  });

  it("every namespace has a ResourceQuota and a LimitRange", () => {
    for (const ns of names) {
      const quota = byKind(objects, "ResourceQuota").filter((q) => q.metadata.namespace === ns);
      const limits = byKind(objects, "LimitRange").filter((l) => l.metadata.namespace === ns);
      expect(quota, ns).toHaveLength(1);
      expect(limits, ns).toHaveLength(1);
      expect(Object.keys(quota[0]?.spec.hard ?? {})).toEqual(
        expect.arrayContaining(["requests.cpu", "requests.memory", "limits.cpu", "limits.memory", "pods"]),
      );
      expect(limits[0]?.spec.limits[0]).toMatchObject({ type: "Container" });
    }
  });
});

describe("priority classes", () => {
  const classes = parseObjects(renderText("helm3", "croupier-foundation", "eu")).filter(
    (o) => o.kind === "PriorityClass",
  );
  const value = (name: string) => classes.find((c) => c.metadata.name === name)?.value as number;

  it("put the money core highest and reporting lowest", () => {
    const values = classes.map((c) => c.value as number);
    expect(value("croupier-money-critical")).toBe(Math.max(...values));
    expect(value("croupier-batch-low")).toBe(Math.min(...values));
    expect(value("croupier-api-critical")).toBeLessThan(value("croupier-money-critical"));
    expect(classes.every((c) => c.globalDefault === false)).toBe(true);
  });

  it("reporting never preempts anything", () => {
    expect(classes.find((c) => c.metadata.name === "croupier-batch-low")?.preemptionPolicy).toBe("Never");
  });

  it.each(regions)("every priorityClassName used in region %s exists", (region) => {
    const names = new Set(classes.map((c) => c.metadata.name));
    const text = regionObjects(region)
      .map((o) => JSON.stringify(o))
      .join("\n");
    for (const match of text.matchAll(/"priorityClassName":"([^"]+)"/g)) {
      expect(names).toContain(match[1]);
    }
  });
});
