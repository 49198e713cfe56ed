import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type K8sObject, parseObjects, regions, renderText } from "./support/render.ts";
import { repoRoot } from "./support/tools.ts";

function find(objects: K8sObject[], kind: string, name: string, namespace?: string): K8sObject {
  const found = objects.find(
    (o) =>
      o.kind === kind &&
      o.metadata.name === name &&
      (namespace === undefined || o.metadata.namespace === namespace),
  );
  if (!found) throw new Error(`${kind} ${namespace ?? ""}/${name} is not rendered`);
  return found;
}

describe.each(regions)("progressive delivery in region %s", (region) => {
  const objects = parseObjects(renderText("helm3", "croupier", region));
  const templates = new Set(
    objects.filter((o) => o.kind === "ClusterAnalysisTemplate").map((o) => o.metadata.name),
  );

  it("the wallet is blue-green: full preview, pre-promotion analysis, promoted by a person", () => {
    const ledger = find(objects, "Rollout", "ledger", "croupier-wallet");
    const blueGreen = ledger.spec.strategy.blueGreen;
    expect(ledger.spec.strategy.canary).toBeUndefined();
    expect(blueGreen.autoPromotionEnabled).toBe(false);
    expect(blueGreen.activeService).toBe("ledger");
    expect(blueGreen.previewService).toBe("ledger-preview");
    find(objects, "Service", "ledger", "croupier-wallet");
    find(objects, "Service", "ledger-preview", "croupier-wallet");
    const pre = blueGreen.prePromotionAnalysis.templates;
    expect(pre.length).toBeGreaterThan(0);
    for (const template of pre) {
      expect(template.clusterScope).toBe(true);
      expect(templates).toContain(template.templateName);
    }
    expect(blueGreen.scaleDownDelaySeconds).toBeGreaterThanOrEqual(300);
  });

  it("the wallet's pre-promotion analysis smoke-tests the preview and watches restarts and latency", () => {
    const analysis = find(objects, "ClusterAnalysisTemplate", "croupier-wallet-pre-promotion");
    const metrics = analysis.spec.metrics.map((m: { name: string }) => m.name);
    expect(metrics).toEqual(["preview-smoke", "preview-restarts", "preview-wallet-p95"]);
    // The Job that Argo creates at run time must pass the same admission policies as ours.
    const jobLabels = analysis.spec.metrics[0].provider.job.metadata.labels;
    expect(jobLabels).toMatchObject({
      "app.kubernetes.io/part-of": "croupier",
      "croupier.io/region": region,
      "croupier.io/jurisdiction": expect.stringMatching(new RegExp(`^${region}`)),
    });
    const smoke = analysis.spec.metrics[0].provider.job.spec.template;
    expect(smoke.metadata.labels["croupier.io/analysis-for"]).toBe("{{args.service}}");
    const p95 = analysis.spec.metrics[2];
    expect(p95.provider.prometheus.query).toContain("wallet_op_duration_seconds_bucket");
    expect(p95.provider.prometheus.query).toContain("{{args.preview-hash}}");
    // The smoke Job can reach the preview through the wallet namespace's default deny.
    const egress = find(objects, "NetworkPolicy", "ledger-analysis-egress", "croupier-wallet");
    expect(egress.spec.podSelector.matchLabels).toEqual({ "croupier.io/analysis-for": "ledger" });
  });

  it.each(["player-api", "bridge"])(
    "%s is a canary that starts at 5 % or less, routed by real weights",
    (name) => {
      const rollout = objects.find((o) => o.kind === "Rollout" && o.metadata.name === name);
      const canary = rollout?.spec.strategy.canary;
      expect(canary).toBeDefined();
      const first = canary.steps[0];
      expect(first.setWeight).toBeGreaterThan(0);
      expect(first.setWeight).toBeLessThanOrEqual(5);
      const weights = canary.steps
        .filter((s: { setWeight?: number }) => s.setWeight)
        .map((s: { setWeight: number }) => s.setWeight);
      expect(weights).toEqual([...weights].sort((a: number, b: number) => a - b));
      // The weight is applied by a traffic router, not approximated by pod counts.
      const plugin = canary.trafficRouting.plugins["argoproj-labs/gatewayAPI"];
      expect(plugin.namespace).toBe(rollout?.metadata.namespace);
      const route = find(objects, "HTTPRoute", plugin.httpRoute, plugin.namespace);
      const backends = route.spec.rules[0].backendRefs.map((b: { name: string }) => b.name);
      expect(backends).toEqual([canary.stableService, canary.canaryService]);
      find(objects, "Service", canary.stableService, plugin.namespace);
      find(objects, "Service", canary.canaryService, plugin.namespace);
    },
  );

  it.each(["player-api", "bridge"])(
    "%s's canary is analysed on error rate and p99 latency from Prometheus",
    (name) => {
      const rollout = find(objects, "Rollout", name);
      const analysis = rollout.spec.strategy.canary.analysis;
      expect(analysis.startingStep).toBe(1);
      expect(analysis.templates.map((t: { templateName: string }) => t.templateName)).toEqual([
        "croupier-http-error-rate",
        "croupier-http-p99-latency",
      ]);
      expect(analysis.args).toContainEqual({
        name: "pod-hash",
        valueFrom: { podTemplateHashValue: "Latest" },
      });
      const errorRate = find(objects, "ClusterAnalysisTemplate", "croupier-http-error-rate").spec.metrics[0];
      expect(errorRate.provider.prometheus.query).toMatch(/status=~"5\.\."/);
      expect(errorRate.successCondition).toMatch(/result\[0\] <= 0\.01/);
      const p99 = find(objects, "ClusterAnalysisTemplate", "croupier-http-p99-latency").spec.metrics[0];
      expect(p99.provider.prometheus.query).toMatch(/^histogram_quantile\(0\.99,/);
    },
  );

  it("public services reach the gateway on their own host names and API paths only", () => {
    const routes = objects.filter((o) => o.kind === "HTTPRoute");
    expect(routes.map((r) => r.metadata.name).sort()).toEqual(["bridge", "player-api"]);
    for (const route of routes) {
      for (const host of route.spec.hostnames)
        expect(host).toMatch(new RegExp(`\\.${region}\\.croupier\\.example$`));
      for (const match of route.spec.rules[0].matches) {
        expect(match.path.type).toBe("PathPrefix");
        // Metrics, health, docs, back-office and internal endpoints are never routed from outside
        // the cluster (the edge's session-epoch look-up is the one named exception).
        expect(match.path.value).not.toMatch(/^\/($|metrics|healthz|backoffice|docs|internal\/?$)/);
      }
    }
  });

  it("every component is scraped, with the pod-template hash that analysis selects on", () => {
    const monitors = objects.filter((o) => o.kind === "ServiceMonitor");
    for (const name of ["ledger", "player-api", "bridge", "reporting-etl"]) {
      const monitor = monitors.find((m) => m.metadata.name === name);
      expect(monitor, name).toBeDefined();
      const relabels = monitor?.spec.endpoints[0].relabelings.map(
        (r: { targetLabel: string }) => r.targetLabel,
      );
      expect(relabels).toEqual(expect.arrayContaining(["app", "rollouts_pod_template_hash"]));
      const service = find(objects, "Service", `${name}-metrics`, monitor?.metadata.namespace);
      expect(service.spec.clusterIP).toBe("None");
    }
  });

  it("SLO burn-rate alerts cover wallet latency, errors, round settle time and outbox lag", () => {
    const rules = find(objects, "PrometheusRule", "croupier-slo");
    const alerts = rules.spec.groups.flatMap(
      (g: {
        rules: {
          alert?: string;
          expr: string;
          labels?: Record<string, string>;
          annotations?: Record<string, string>;
        }[];
      }) => g.rules.filter((r) => r.alert),
    );
    for (const sli of ["WalletSlow", "HttpError", "RoundSettleSlow", "OutboxLagging"]) {
      const burn = alerts.filter((a: { alert: string }) => a.alert.startsWith(`Croupier${sli}BudgetBurn`));
      expect(burn.map((a: { alert: string }) => a.alert.replace(`Croupier${sli}BudgetBurn`, ""))).toEqual([
        "1H",
        "6H",
        "1D",
        "3D",
      ]);
      const fastest = burn[0];
      expect(fastest.labels.severity).toBe("page");
      expect(fastest.expr).toMatch(/ratio_rate1h > \(14\.4 \* [0-9.]+\)/);
      expect(fastest.expr).toMatch(/ratio_rate5m > \(14\.4 \* [0-9.]+\)/);
    }
    const recorded = rules.spec.groups.flatMap((g: { rules: { record?: string; expr: string }[] }) =>
      g.rules.filter((r) => r.record),
    );
    const walletWindow = recorded.find(
      (r: { record: string }) => r.record === "croupier:wallet_slow:ratio_rate1h",
    );
    expect(walletWindow.expr).toContain('wallet_op_duration_seconds_bucket{le="0.1"}[1h]');
    const settle = recorded.find(
      (r: { record: string }) => r.record === "croupier:round_settle_slow:ratio_rate5m",
    );
    expect(settle.expr).toContain("round_settle_seconds_bucket");
    expect(recorded.map((r: { expr: string }) => r.expr).join("\n")).toContain("ledger_outbox_lag_seconds");
  });

  it("every alert links a runbook that exists", () => {
    const foundation = parseObjects(renderText("helm3", "croupier-foundation", region));
    const rules = [
      find(objects, "PrometheusRule", "croupier-slo"),
      find(foundation, "PrometheusRule", "croupier-platform"),
    ];
    const alerts = rules
      .flatMap((r) => r.spec.groups)
      .flatMap((g: { rules: { alert?: string; annotations?: Record<string, string> }[] }) =>
        g.rules.filter((r) => r.alert),
      );
    for (const alert of alerts) {
      const url = alert.annotations?.runbook_url ?? "";
      const path = url.replace(/^https:\/\/github\.com\/croupier\/croupier\/blob\/main\//, "");
      expect(existsSync(join(repoRoot, path)), `${alert.alert} -> ${url}`).toBe(true);
    }
  });

  it("ships a helm test that checks every service in-cluster", () => {
    const tests = objects.filter(
      (o) => o.metadata.annotations?.["helm.sh/hook"] === "test" && o.kind === "Pod",
    );
    expect(tests).toHaveLength(1);
    const urls = tests[0]?.spec.containers[0].env[0].value.split(",");
    expect(urls).toEqual(
      expect.arrayContaining([
        "http://ledger.croupier-wallet.svc.cluster.local:8082",
        "http://player-api.croupier-player.svc.cluster.local:8081",
        "http://bridge.croupier-gaming.svc.cluster.local:8083",
      ]),
    );
  });
});
