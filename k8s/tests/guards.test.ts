import { describe, expect, it } from "vitest";
import { type K8sObject, parseObjects, regionObjects, renderError, renderText } from "./support/render.ts";

const loyalty = {
  enabled: true,
  domain: "engagement",
  port: 8089,
  tier: "standard",
  priorityClassName: "croupier-standard",
  delivery: "canary",
  public: true,
  publicPathPrefixes: ["/v1"],
  calls: ["ledger"],
  database: "loyalty",
  nats: true,
  migrations: true,
  secretEnv: ["SERVICE_TOKEN_SECRET"],
  autoscaling: { enabled: true, minReplicas: 2, maxReplicas: 4, cpuUtilization: 70, requestsPerSecond: "20" },
  pdb: { maxUnavailable: 1 },
};

function names(objects: K8sObject[], namespace: string): string[] {
  return objects
    .filter((o) => o.metadata.namespace === namespace)
    .map((o) => `${o.kind}/${o.metadata.name}`)
    .sort();
}

describe("adding a service is a values change", () => {
  it("a new service gets its workload, delivery, scaling, budget, secrets, network policies, route and monitoring", () => {
    const objects = parseObjects(
      renderText("helm3", "croupier", "eu", [
        "--set-json",
        `services.loyalty=${JSON.stringify(loyalty)}`,
        "--set",
        `images.loyalty.repository=croupier/loyalty,images.loyalty.digest=sha256:${"a".repeat(64)}`,
        "--set-json",
        'hosts.loyalty=["loyalty.eu.croupier.example"]',
      ]),
    );
    expect(names(objects, "croupier-engagement")).toEqual(
      expect.arrayContaining([
        "Rollout/loyalty",
        "Service/loyalty",
        "Service/loyalty-canary",
        "Service/loyalty-metrics",
        "ServiceAccount/loyalty",
        "HorizontalPodAutoscaler/loyalty",
        "PodDisruptionBudget/loyalty",
        "ExternalSecret/loyalty-env",
        "ExternalSecret/loyalty-migrate-env",
        "Job/loyalty-migrate-expand",
        "NetworkPolicy/loyalty-ingress",
        "NetworkPolicy/loyalty-egress",
        "HTTPRoute/loyalty",
        "ServiceMonitor/loyalty",
      ]),
    );
    // Its callee learns about it: the ledger now admits the new caller.
    const ledgerIngress = objects.find(
      (o) => o.kind === "NetworkPolicy" && o.metadata.name === "ledger-ingress",
    );
    const callers = ledgerIngress?.spec.ingress.flatMap(
      (r: { from: { podSelector?: { matchLabels: Record<string, string> } }[] }) =>
        r.from.map((f) => f.podSelector?.matchLabels["app.kubernetes.io/name"]),
    );
    expect(callers).toContain("loyalty");
    // Its namespace is one the foundation already creates.
    expect(
      regionObjects("eu").some((o) => o.kind === "Namespace" && o.metadata.name === "croupier-engagement"),
    ).toBe(true);
  });

  it("a prepared service (cashier) is switched on with enabled=true", () => {
    const objects = parseObjects(
      renderText("helm3", "croupier", "eu", ["--set", "services.cashier.enabled=true"]),
    );
    const cashier = objects.find((o) => o.kind === "Deployment" && o.metadata.name === "cashier");
    expect(cashier?.metadata.namespace).toBe("croupier-payments");
    expect(cashier?.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
  });
});

describe("values that would weaken the release are refused at render time", () => {
  const cases: [string, string[], RegExp][] = [
    ["a first canary step above 5 %", ["--set", "canary.steps[0].setWeight=10"], /canary/],
    ["a disruption budget that allows no eviction", ["--set", "services.bridge.pdb.maxUnavailable=0"], /pdb/],
    ["an image by tag", ["--set", "images.ledger.digest=1.2.3"], /digest/],
    ["an unknown region", ["--set", "region=us"], /region/],
    [
      "a canary without a traffic router (not public)",
      ["--set", "services.player-api.public=false"],
      /public/,
    ],
    [
      "a public service without explicit API paths",
      ["--set", "services.bridge.publicPathPrefixes=null"],
      /publicPathPrefixes/,
    ],
    [
      "a route that would expose /metrics",
      ["--set", "services.bridge.publicPathPrefixes[0]=/metrics"],
      /publicPathPrefixes/,
    ],
    ["a misspelt service setting", ["--set", "services.ledger.replcias=2"], /replcias|additional/],
    [
      "a money service secret named like the database URL",
      ["--set", "services.ledger.secretEnv[0]=DATABASE_URL"],
      /secretEnv/,
    ],
    [
      "a provider-facing service without provider networks",
      ["--set", "providerEgress.bridge=null"],
      /providerEgress/,
    ],
  ];
  it.each(cases)("%s", (_name, args, message) => {
    const error = renderError("croupier", "eu", args);
    expect(error).not.toBe("");
    expect(error).toMatch(message);
  });
});
