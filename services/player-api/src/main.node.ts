import { loadEnvOrExit } from "@croupier/core/env";
import { serveNode } from "@croupier/core/http/serve-node";
import { serveOptions } from "@croupier/core/http/serve-runtime";
import { playerApiEnv } from "./env.ts";
import { buildRuntime } from "./runtime.ts";

const config = loadEnvOrExit("player-api", playerApiEnv);
const runtime = await buildRuntime(config);
serveNode(serveOptions(runtime, config));
