// Applies player-api's SQL migrations; run before a new version starts (a pre-sync Job in Kubernetes).
import { fileURLToPath } from "node:url";
import { envVar, loadEnvOrExit } from "@croupier/core/env";
import { migrate } from "@croupier/db/migrate";

const { DATABASE_URL } = loadEnvOrExit("player-api-migrate", { DATABASE_URL: envVar.databaseUrl() });
const result = await migrate(DATABASE_URL, fileURLToPath(new URL("../migrations", import.meta.url)));
console.log(
  `player-api migrations: ${result.applied.length} applied, ${result.alreadyApplied} already in place`,
);
