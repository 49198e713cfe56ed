import { resolveJurisdiction } from "@croupier/jurisdictions";
import { problem } from "../http/problem.ts";
import type { Step } from "./context.ts";

/** Refuses requests from territories the operator is not licensed for (451), failing closed. */
export const jurisdictionGate: Step = (edge) => {
  const decision = resolveJurisdiction({
    country: edge.country,
    region: edge.request.cf?.regionCode ?? null,
  });
  if (!decision.allowed) {
    edge.log.blocked = { by: "jurisdiction", territory: decision.jurisdiction, reason: decision.reason };
    const where = decision.jurisdiction ?? "your location";
    return problem({
      type: "jurisdiction-blocked",
      title: "Unavailable for legal reasons",
      status: 451,
      detail: `Real-money play is not available in ${where}.`,
      instance: edge.requestId,
      extensions: { jurisdiction: decision.jurisdiction },
    });
  }
  edge.jurisdiction = decision;
  edge.log.jurisdiction = decision.jurisdiction;
  return undefined;
};
