// Calls out to providers (launch, transaction reports) through one policy per provider:
// retries with exponential backoff and decorrelated jitter, a circuit breaker (cockatiel),
// and a per-provider timeout on every attempt. Breaker state feeds readiness.

import type { Logger } from "@croupier/core/log";
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  ExponentialBackoff,
  handleAll,
  handleWhen,
  retry,
  TimeoutStrategy,
  timeout,
  wrap,
} from "cockatiel";
import type { ProviderRecord } from "../domain/store-port.ts";
import type { ResponseSigner } from "../signing/response-signer.ts";

export class ProviderCallError extends Error {
  override name = "ProviderCallError";
}

export interface ProviderGatewayOptions {
  signer: ResponseSigner;
  log: Logger;
  fetch?: typeof fetch;
  maxAttempts?: number;
  breakerThreshold?: number;
  halfOpenAfterMs?: number;
  initialBackoffMs?: number;
}

export type ProviderHealth = "closed" | "open" | "half_open" | "isolated";

export function createProviderGateway(options: ProviderGatewayOptions) {
  const doFetch = options.fetch ?? fetch;
  const policies = new Map<string, ReturnType<typeof build>>();

  function build(provider: ProviderRecord) {
    const breaker = circuitBreaker(handleAll, {
      halfOpenAfter: options.halfOpenAfterMs ?? 10_000,
      breaker: new ConsecutiveBreaker(options.breakerThreshold ?? 5),
    });
    breaker.onStateChange((state) =>
      options.log.warn(
        { providerId: provider.id, state: CircuitState[state] },
        "provider circuit changed state",
      ),
    );
    const retries = retry(
      handleWhen((error) => !(error instanceof BrokenCircuitError)),
      {
        maxAttempts: (options.maxAttempts ?? 3) - 1,
        backoff: new ExponentialBackoff({ initialDelay: options.initialBackoffMs ?? 100, maxDelay: 2_000 }),
      },
    );
    const attemptTimeout = timeout(provider.timeoutMs, TimeoutStrategy.Aggressive);
    return { policy: wrap(retries, breaker, attemptTimeout), breaker };
  }

  function policyOf(provider: ProviderRecord) {
    const existing = policies.get(provider.id);
    if (existing) return existing;
    const built = build(provider);
    policies.set(provider.id, built);
    return built;
  }

  return {
    /** POSTs a signed JSON body; resolves to the provider's JSON answer or throws ProviderCallError. */
    async post(provider: ProviderRecord, url: string, body: unknown): Promise<Record<string, unknown>> {
      const text = JSON.stringify(body);
      const signature = await options.signer.sign(text);
      try {
        return await policyOf(provider).policy.execute(async ({ signal }) => {
          const response = await doFetch(url, {
            method: "POST",
            headers: { "content-type": "application/json", "x-hub88-signature": signature },
            body: text,
            signal,
          });
          if (!response.ok) {
            await response.body?.cancel();
            throw new ProviderCallError(`provider ${provider.id} answered ${response.status}`);
          }
          return (await response.json()) as Record<string, unknown>;
        });
      } catch (error) {
        if (error instanceof ProviderCallError) throw error;
        throw new ProviderCallError(
          error instanceof BrokenCircuitError
            ? `provider ${provider.id} is unavailable (circuit open)`
            : `provider ${provider.id} call failed: ${(error as Error).message}`,
        );
      }
    },
    health(providerId: string): ProviderHealth {
      const entry = policies.get(providerId);
      if (!entry) return "closed";
      switch (entry.breaker.state) {
        case CircuitState.Open:
          return "open";
        case CircuitState.HalfOpen:
          return "half_open";
        case CircuitState.Isolated:
          return "isolated";
        default:
          return "closed";
      }
    },
  };
}

export type ProviderGateway = ReturnType<typeof createProviderGateway>;
