// A small JSON client for calls to other Croupier services with a service token and the
// request's correlation headers. Upstream trouble becomes a 503/502 problem, never a raw error.

import { AppError } from "@croupier/core/problem";
import { serviceTokenMinter } from "@croupier/core/service-auth";

export type Correlation = Record<string, string>;

export interface UpstreamResponse<T = unknown> {
  status: number;
  body: T;
}

export interface ServiceClient {
  call<T = unknown>(
    method: "GET" | "POST" | "PUT",
    path: string,
    options: { correlation: Correlation; body?: unknown; headers?: Record<string, string> },
  ): Promise<UpstreamResponse<T>>;
}

export function serviceClient(options: {
  name: string;
  baseUrl: string;
  caller: string;
  secret: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}): ServiceClient {
  const mint = serviceTokenMinter({ caller: options.caller, audience: options.name, secret: options.secret });
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, "");
  return {
    async call(method, path, { correlation, body, headers }) {
      let response: Response;
      try {
        response = await doFetch(`${base}${path}`, {
          method,
          headers: {
            ...correlation,
            ...headers,
            authorization: `Bearer ${await mint()}`,
            accept: "application/json",
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
        });
      } catch {
        throw new AppError(
          "upstream_unavailable",
          503,
          "A service this request needs is unavailable",
          `The ${options.name} could not be reached. Retry later.`,
          {
            headers: { "retry-after": "2" },
          },
        );
      }
      const text = await response.text();
      let parsed: unknown = null;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        parsed = null;
      }
      if (response.status >= 500) {
        throw new AppError(
          "upstream_error",
          502,
          "A service this request needs failed",
          `The ${options.name} answered ${response.status}. Retry later.`,
        );
      }
      return { status: response.status, body: parsed as never };
    },
  };
}

/** The stable code of an upstream problem+json body, if it has one. */
export function problemCode(body: unknown): string | undefined {
  if (body && typeof body === "object" && "code" in body && typeof body.code === "string") return body.code;
  return undefined;
}

/** An unexpected upstream answer: our bug or theirs, never the caller's. */
export function unexpected(service: string, status: number): AppError {
  return new AppError(
    "upstream_error",
    502,
    "A service this request needs failed",
    `The ${service} answered ${status} unexpectedly.`,
  );
}
