// Writes services/bridge/openapi.json (committed; a test fails when it drifts from the routes).
import { writeFileSync } from "node:fs";
import { bridgeOpenApiDocument } from "./document.ts";

writeFileSync(
  new URL("../../openapi.json", import.meta.url),
  `${JSON.stringify(bridgeOpenApiDocument(), null, 2)}\n`,
);
console.log("services/bridge/openapi.json written");
