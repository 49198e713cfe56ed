// Verifies the ledger's hash chains: `npm run -w @croupier/ledger verify-audit` (DATABASE_URL).
// Exit 0 when every chain is intact; exit 1 naming the first broken link.
import { envVar, loadEnvOrExit } from "@croupier/core/env";
import { createDatabase } from "@croupier/db/client";
import { verifyAuditChain } from "./audit/verify-chain.ts";

const { DATABASE_URL } = loadEnvOrExit("ledger-verify-audit", { DATABASE_URL: envVar.databaseUrl() });
const database = createDatabase({
  url: DATABASE_URL,
  maxConnections: 2,
  applicationName: "ledger-verify-audit",
});
try {
  const report = await verifyAuditChain(database.sql);
  if (report.ok) {
    console.log(
      `audit chain intact: ${report.accounts} accounts, ${report.transactions} transactions verified`,
    );
  } else {
    const b = report.broken;
    console.error(
      `audit chain BROKEN at account ${b?.accountId} (player ${b?.playerId}, ${b?.currency}), ` +
        `transaction #${b?.accountSeq} ${b?.txId ?? ""}: ${b?.reason}`,
    );
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
