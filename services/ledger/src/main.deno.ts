import { loadEnvOrExit } from "@croupier/core/env";
import { serveDeno } from "@croupier/core/http/serve-deno";
import { serveOptions } from "@croupier/core/http/serve-runtime";
import { ledgerEnv } from "./env.ts";
import { buildRuntime } from "./runtime.ts";

const config = loadEnvOrExit("ledger", ledgerEnv);
const runtime = await buildRuntime(config);
serveDeno(serveOptions(runtime, config));
