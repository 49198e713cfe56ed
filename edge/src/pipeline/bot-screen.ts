import { screenForBots } from "../bot/signals.ts";
import { problem } from "../http/problem.ts";
import type { Step } from "./context.ts";

export const botScreen: Step = (edge) => {
  const verdict = screenForBots({
    headers: edge.headers,
    cf: edge.request.cf,
    routeClass: edge.route.class,
    minimumScore: edge.deps.config.botScoreMin,
    scriptedClients: edge.deps.config.scriptedClients,
  });
  if (!verdict.blocked) return undefined;
  edge.log.blocked = { by: "bot-screen", signal: verdict.signal };
  return problem({
    type: "automated-client",
    title: "Automated client refused",
    status: 403,
    detail: "This client looks automated. Use the Croupier app or website.",
    instance: edge.requestId,
  });
};
