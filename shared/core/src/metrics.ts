import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

export interface ServiceMetrics {
  registry: Registry;
  httpDuration: Histogram<"method" | "route" | "status">;
  httpRequests: Counter<"method" | "route" | "status">;
}

/** A registry per service with process metrics and the HTTP SLIs of the platform. */
export function createMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time to serve an HTTP request, by route template and status.",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const httpRequests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests served, by route template and status.",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  return { registry, httpDuration, httpRequests };
}
