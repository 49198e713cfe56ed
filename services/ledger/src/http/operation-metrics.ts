// The wallet SLI: `wallet_op_duration_seconds{operation, outcome}` for every money-moving call,
// which the platform's SLO rules and the blue-green analysis read; and the micro-batch sizes.
import type { ServiceEnv } from "@croupier/core/http/context";
import type { ServiceMetrics } from "@croupier/core/metrics";
import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import { Histogram } from "prom-client";

const operations: Record<string, string> = {
  "/v1/bets": "bet",
  "/v1/wins": "win",
  "/v1/rollbacks": "rollback",
  "/v1/deposits": "deposit",
  "/v1/withdrawals": "withdrawal_hold",
  "/v1/withdrawals/:withdrawalId/commit": "withdrawal_commit",
  "/v1/withdrawals/:withdrawalId/release": "withdrawal_release",
  "/v1/adjustments": "adjustment",
  "/v1/bonuses/grants": "bonus_grant",
  "/v1/bonuses/:bonusId/convert": "bonus_convert",
  "/v1/bonuses/:bonusId/forfeit": "bonus_forfeit",
  "/v1/players/:playerId/accounts": "open_account",
};

export function operationMetrics(metrics: ServiceMetrics): MiddlewareHandler<ServiceEnv> {
  const duration = new Histogram({
    name: "wallet_op_duration_seconds",
    help: "Time to answer a money operation, by operation and outcome (ok, refused, error).",
    labelNames: ["operation", "outcome"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [metrics.registry],
  });
  return async (c, next) => {
    const started = performance.now();
    await next();
    if (c.req.method !== "POST") return;
    const operation = operations[routePath(c, -1)];
    if (!operation) return;
    const status = c.res.status;
    const outcome = status < 400 ? "ok" : status < 500 ? "refused" : "error";
    duration.observe({ operation, outcome }, (performance.now() - started) / 1000);
  };
}

/**
 * `wallet_batch_operations`: operations per micro-batch. Batches that stay small under load mean
 * many commits for few operations; batches near OPERATION_BATCH_MAX mean the batcher is the queue.
 */
export function batchSizeMetric(metrics: ServiceMetrics): (operations: number) => void {
  const sizes = new Histogram({
    name: "wallet_batch_operations",
    help: "Operations per micro-batch sent to the database.",
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
    registers: [metrics.registry],
  });
  return (operations) => sizes.observe(operations);
}
