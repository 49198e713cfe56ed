import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import { parseAllDocuments } from "yaml";
import { chartsRoot, run } from "./tools.ts";

export const regions = ["eu", "uk", "ca"] as const;
export type Region = (typeof regions)[number];

/** The charts of one regional cluster, in the order Argo CD syncs them. */
export const charts = ["croupier-policies", "croupier-foundation", "croupier"] as const;
export type Chart = (typeof charts)[number];

export type Helm = "helm3" | "helm4";

/** A rendered Kubernetes object. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  // biome-ignore lint/suspicious/noExplicitAny: manifests are checked structurally, field by field
  [field: string]: any;
}

const kubeVersion = "1.32.0";
const cache = new Map<string, string>();

/** `helm template` of a chart with its region values (cached per helm, chart, region and extra args). */
export function renderText(helm: Helm, chart: Chart, region: Region, extra: string[] = []): string {
  const key = [helm, chart, region, ...extra].join(" ");
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  // Rendered once for the whole run by the global setup (plain renders only).
  const shared =
    extra.length === 0 ? join(inject("k8sRenderCache") ?? "", `${helm}-${chart}-${region}.yaml`) : "";
  if (shared && existsSync(shared)) {
    const text = readFileSync(shared, "utf8");
    cache.set(key, text);
    return text;
  }
  const dir = join(chartsRoot, chart);
  const result = run(helm, [
    "template",
    chart,
    dir,
    "--namespace",
    "croupier-reporting",
    "--kube-version",
    kubeVersion,
    "-f",
    join(dir, `values-${region}.yaml`),
    ...extra,
  ]);
  if (result.status !== 0) {
    throw new Error(`${helm} template ${chart} (${region}) failed:\n${result.stderr}`);
  }
  cache.set(key, result.stdout);
  return result.stdout;
}

/** Attempts a render that is expected to fail; returns helm's error output. */
export function renderError(chart: Chart, region: Region, extra: string[]): string {
  const dir = join(chartsRoot, chart);
  const result = run("helm3", [
    "template",
    chart,
    dir,
    "--kube-version",
    kubeVersion,
    "-f",
    join(dir, `values-${region}.yaml`),
    ...extra,
  ]);
  return result.status === 0 ? "" : result.stderr;
}

/** Parses a multi-document YAML stream into objects, rejecting YAML errors and duplicate keys. */
export function parseObjects(text: string): K8sObject[] {
  const objects: K8sObject[] = [];
  for (const doc of parseAllDocuments(text, { uniqueKeys: true })) {
    if (doc.errors.length > 0) throw new Error(doc.errors.map((e) => e.message).join("\n"));
    const value = doc.toJS();
    if (value) objects.push(value as K8sObject);
  }
  return objects;
}

/** Every object of a region: all three charts, rendered with Helm 3. */
export function regionObjects(region: Region, extraCore: string[] = []): K8sObject[] {
  return charts.flatMap((chart) =>
    parseObjects(renderText("helm3", chart, region, chart === "croupier" ? extraCore : [])),
  );
}

/**
 * Helm 4 keeps the newline in front of each `---` separator that Helm 3 trims, so the two print
 * the same documents with different blank lines between them. Normalise only that.
 */
export function normaliseSeparators(text: string): string {
  return text
    .split(/^---[ \t]*\n/m)
    .map((doc) => doc.trimEnd())
    .join("\n---\n");
}
