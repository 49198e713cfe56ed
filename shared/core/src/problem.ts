// RFC 9457 problem details: one error type per stable code, mapped to HTTP once.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { newId } from "./ids.ts";
import type { Logger } from "./log.ts";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export function problemType(code: string): string {
  return `urn:croupier:problem:${code}`;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  [extension: string]: unknown;
}

/** A failure the caller can act on; its code is part of the API contract. */
export class AppError extends Error {
  override name = "AppError";
  readonly code: string;
  readonly status: ContentfulStatusCode;
  readonly title: string;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    code: string,
    status: ContentfulStatusCode,
    title: string,
    detail?: string,
    options: { extensions?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? title);
    this.code = code;
    this.status = status;
    this.title = title;
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }
}

export const problems = {
  badRequest: (detail: string, extensions?: Record<string, unknown>) =>
    new AppError("bad_request", 400, "The request is not valid", detail, { extensions }),
  unauthorized: (detail: string, challenge = 'Bearer realm="croupier"') =>
    new AppError("unauthorized", 401, "Authentication is required", detail, {
      headers: { "www-authenticate": challenge },
    }),
  forbidden: (detail: string) => new AppError("forbidden", 403, "This action is not allowed", detail),
  notFound: (detail: string) => new AppError("not_found", 404, "Not found", detail),
  conflict: (code: string, detail: string) =>
    new AppError(code, 409, "The request conflicts with the current state", detail),
  unsupportedMediaType: (detail: string) =>
    new AppError("unsupported_media_type", 415, "Unsupported content type", detail),
  payloadTooLarge: (limitBytes: number) =>
    new AppError(
      "payload_too_large",
      413,
      "The request body is too large",
      `The body must be at most ${limitBytes} bytes.`,
    ),
  unavailable: (detail: string) => new AppError("service_unavailable", 503, "Service unavailable", detail),
};

export function problemBody(error: AppError, requestId?: string): ProblemBody {
  return {
    ...error.extensions,
    type: problemType(error.code),
    title: error.title,
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(requestId ? { instance: `urn:croupier:request:${requestId}` } : {}),
  };
}

export function problemResponse(c: Context, error: AppError): Response {
  const requestId = c.get("requestId" as never) as string | undefined;
  return new Response(JSON.stringify(problemBody(error, requestId)), {
    status: error.status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, ...error.headers },
  });
}

/** Maps anything thrown to problem+json; unknown failures never echo internals. */
export function toProblem(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413) return problems.payloadTooLarge(Number.NaN);
    if (error.status < 500)
      return new AppError("http_error", error.status, "The request was refused", error.message);
  }
  if (error instanceof SyntaxError) return problems.badRequest("The body is not valid JSON.");
  return new AppError(
    "internal_error",
    500,
    "Internal error",
    "Something went wrong on our side. Retry later, quoting the error reference.",
  );
}

export function errorHandler(log: Logger) {
  return (error: unknown, c: Context): Response => {
    const problem = toProblem(error);
    if (problem.status >= 500) {
      const reference = newId("ref");
      log.error({ err: error, reference, requestId: c.get("requestId" as never) }, "unhandled error");
      return problemResponse(
        c,
        new AppError(problem.code, problem.status, problem.title, problem.message, {
          extensions: { reference },
        }),
      );
    }
    return problemResponse(c, problem);
  };
}
