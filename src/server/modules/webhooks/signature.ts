import { createHmac, randomBytes } from "node:crypto";

const PREFIX = "whsec_";

/** A new signing secret: `whsec_` + base64 of 32 random bytes (Standard Webhooks). */
export function generateSecret(): string {
  return PREFIX + randomBytes(32).toString("base64");
}

/** The HMAC key of a `whsec_…` secret: its base64 part, decoded. */
function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, "base64");
}

/** The `webhook-signature` value: `v1,` + base64 HMAC-SHA256 over `id.timestamp.body`. */
export function signPayload(secret: string, messageId: string, timestamp: number, body: string): string {
  const mac = createHmac("sha256", secretKey(secret)).update(`${messageId}.${timestamp}.${body}`, "utf8").digest("base64");
  return `v1,${mac}`;
}

/** The three Standard Webhooks headers for one attempt (timestamp in whole seconds of the attempt). */
export function signedHeaders(secret: string, messageId: string, at: Date, body: string): Record<string, string> {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signPayload(secret, messageId, timestamp, body),
  };
}
