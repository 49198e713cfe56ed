import { problem } from "../http/problem.ts";
import type { Step } from "./context.ts";

export const TURNSTILE_HEADER = "cf-turnstile-response";

/** Human verification on registration, login and the cashier. Runs after rate limiting so floods cannot spend siteverify calls. */
export const turnstile: Step = (edge) =>
  // Decided synchronously on the routes without a challenge: no promise per request.
  edge.route.turnstile && edge.deps.config.turnstileRequired ? verifyChallenge(edge) : undefined;

async function verifyChallenge(edge: Parameters<Step>[0]): Promise<Response | undefined> {
  const { route, deps } = edge;
  if (!route.turnstile) return undefined;
  const token = edge.headers.get(TURNSTILE_HEADER)?.trim();
  if (!token || token.length > 2048) return refuse(edge, "missing");
  const outcome = await deps.turnstile({
    token,
    remoteIp: edge.clientIp,
    expectedAction: route.turnstile.action,
    idempotencyKey: edge.requestId,
  });
  if (outcome.success) return undefined;
  edge.log.turnstileErrors = outcome.errorCodes;
  return refuse(edge, "failed");
}

function refuse(edge: Parameters<Step>[0], why: "missing" | "failed"): Response {
  edge.log.blocked = { by: "turnstile", reason: why };
  return problem({
    type: "human-verification-failed",
    title: "Human verification required",
    status: 403,
    detail:
      why === "missing"
        ? `Complete the challenge and send its token in the ${TURNSTILE_HEADER} header.`
        : "The challenge could not be verified. Please try again.",
    instance: edge.requestId,
  });
}
