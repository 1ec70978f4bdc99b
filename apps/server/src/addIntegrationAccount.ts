// Usage (with the server's configuration in the environment; stop the server first on embedded PGlite,
// which one process opens at a time):
//   JIANGXIN_INTEGRATION_PASSWORD='…' node --import tsx apps/server/src/addIntegrationAccount.ts sms-gateway
import { createContext } from "./createContext";
import { loadConfig } from "./platform/config";
import { upsertIntegrationAccount } from "./platform/inbox/integrationAccount";

const username = process.argv[2];
const password = process.env.JIANGXIN_INTEGRATION_PASSWORD;
if (!username || !password) {
  console.error("Usage: JIANGXIN_INTEGRATION_PASSWORD='…' node --import tsx apps/server/src/addIntegrationAccount.ts <username>");
  process.exit(2);
}
const ctx = await createContext(loadConfig());
try {
  const result = await upsertIntegrationAccount(ctx, username, password);
  console.log(`${result === "created" ? "Created" : "Updated the password of"} integration account ${username.trim().toLowerCase()} (outbox.drain only).`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await ctx.database.close();
}
