import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const SecretsSchema = z.object({
  sessionKey: z.string().min(32),
  dbOwnerPassword: z.string().min(16),
  dbAppPassword: z.string().min(16),
});
export type Secrets = z.infer<typeof SecretsSchema>;

/** Reads the instance secrets from the data directory, generating and persisting them (mode 0600) on first start. */
export function loadOrCreateSecrets(dataDir: string): Secrets {
  const file = path.join(dataDir, "secrets.json");
  if (fs.existsSync(file)) {
    return SecretsSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
  }
  const secrets: Secrets = {
    sessionKey: randomBytes(32).toString("base64url"),
    dbOwnerPassword: randomBytes(24).toString("base64url"),
    dbAppPassword: randomBytes(24).toString("base64url"),
  };
  fs.mkdirSync(dataDir, { recursive: true });
  // Write then rename so a crash never leaves a half-written secrets file.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  fs.renameSync(tmp, file);
  return secrets;
}
