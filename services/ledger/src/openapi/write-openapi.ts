// Writes services/ledger/openapi.json from the zod routes: `npm run -w @croupier/ledger openapi`.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ledgerOpenApiDocument } from "./document.ts";

const target = fileURLToPath(new URL("../../openapi.json", import.meta.url));
writeFileSync(target, `${JSON.stringify(ledgerOpenApiDocument(), null, 2)}\n`);
console.log(`wrote ${target}`);
