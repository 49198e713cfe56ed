// Creates a back-office staff member and prints their token once:
//   node services/player-api/src/create-staff.ts --email a@b.c --name "A B" --role support --role finance
import { parseArgs } from "node:util";
import { envVar, loadEnvOrExit } from "@croupier/core/env";
import { createDatabase } from "@croupier/db/client";
import { createStaff, type StaffRole, staffRoles } from "./domain/staff/staff-tokens.ts";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", multiple: true } },
});
const roles = (values.role ?? []) as StaffRole[];
if (!values.email || !values.name || roles.length === 0 || roles.some((r) => !staffRoles.includes(r))) {
  console.error(
    `usage: create-staff.ts --email <email> --name <name> --role <${staffRoles.join("|")}> [--role …]`,
  );
  process.exit(64);
}
const { DATABASE_URL } = loadEnvOrExit("player-api-create-staff", { DATABASE_URL: envVar.databaseUrl() });
const database = createDatabase({ url: DATABASE_URL, maxConnections: 1 });
try {
  const { staffId, token } = await createStaff(database.sql, {
    email: values.email,
    name: values.name,
    roles,
  });
  console.log(`staff ${staffId} created; token (shown once): ${token}`);
} finally {
  await database.close();
}
