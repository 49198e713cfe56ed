import { problem } from "../http/problem.ts";
import type { Step } from "./context.ts";

/** On money-moving routes, a token minted before the player's sessions were revoked stops here. */
export const sessionEpoch: Step = (edge) =>
  // Decided synchronously where there is nothing to check: no promise per request.
  edge.route.checkSessionEpoch && edge.claims && edge.authenticated ? checkEpoch(edge) : undefined;

async function checkEpoch(edge: Parameters<Step>[0]): Promise<Response | undefined> {
  const { claims, deps } = edge;
  if (!claims) return undefined;
  let revoked: boolean;
  try {
    revoked = await deps.sessionEpochs.isRevoked({
      region: claims.region,
      playerId: claims.playerId,
      tokenEpoch: claims.sessionEpoch,
      now: deps.now(),
    });
  } catch (error) {
    edge.log.sessionEpochError = String(error);
    return problem({
      type: "temporarily-unavailable",
      title: "Temporarily unavailable",
      status: 503,
      detail: "Please retry shortly.",
      instance: edge.requestId,
      headers: { "retry-after": "2" },
    });
  }
  if (!revoked) return undefined;
  edge.log.blocked = { by: "session", reason: "revoked" };
  return problem({
    type: "session-revoked",
    title: "Session revoked",
    status: 401,
    detail: "This session has ended. Please sign in again.",
    instance: edge.requestId,
    headers: { "www-authenticate": 'Bearer realm="croupier", error="invalid_token"' },
  });
}
