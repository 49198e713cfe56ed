import type { K8sObject } from "./render.ts";

export const longRunningKinds = new Set(["Deployment", "StatefulSet", "DaemonSet", "Rollout"]);

// biome-ignore lint/suspicious/noExplicitAny: pod specs are checked structurally
export type PodSpec = Record<string, any>;

/** The pod spec of any workload kind, or undefined for objects that run no pods. */
export function podSpecOf(obj: K8sObject): PodSpec | undefined {
  switch (obj.kind) {
    case "Pod":
      return obj.spec;
    case "Deployment":
    case "StatefulSet":
    case "DaemonSet":
    case "Job":
    case "Rollout":
      return obj.spec?.template?.spec;
    case "CronJob":
      return obj.spec?.jobTemplate?.spec?.template?.spec;
    default:
      return undefined;
  }
}

export function containersOf(spec: PodSpec): PodSpec[] {
  return [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
}

export function nameOf(obj: K8sObject): string {
  return `${obj.kind} ${obj.metadata.namespace ?? ""}/${obj.metadata.name}`;
}
