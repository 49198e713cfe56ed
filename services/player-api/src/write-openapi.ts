// Writes services/player-api/openapi.json from the zod schemas (npm run openapi -w @croupier/player-api).
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildOpenApiDocument, serializeOpenApi } from "./openapi-document.ts";

const target = fileURLToPath(new URL("../openapi.json", import.meta.url));
writeFileSync(target, serializeOpenApi(buildOpenApiDocument()));
console.log(`wrote ${target}`);
