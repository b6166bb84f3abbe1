import { describe, expect, it } from "vitest";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { generateSecret, signedHeaders, signPayload } from "./signature.js";

const body = JSON.stringify({ type: "lead.mql", timestamp: "2026-03-02T09:00:00.000Z", data: { contact: { id: "c1", email: "pat@acme.example" } } });

describe("webhook signatures (Standard Webhooks)", () => {
  it("makes whsec_ secrets of 32 random bytes", () => {
    const a = generateSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
    expect(Buffer.from(a.slice(6), "base64")).toHaveLength(32);
    expect(generateSecret()).not.toBe(a);
  });

  it("verifies with the independent standardwebhooks implementation", () => {
    const secret = generateSecret();
    const headers = signedHeaders(secret, "msg_1", new Date(), body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("matches the library's own signature byte for byte", () => {
    const secret = generateSecret();
    const at = new Date("2026-03-02T09:00:00Z");
    expect(signPayload(secret, "msg_2", at.getTime() / 1000, body)).toBe(new Webhook(secret).sign("msg_2", at, body));
  });

  it("fails verification when one byte of the body changes, or the id, or the secret", () => {
    const secret = generateSecret();
    const headers = signedHeaders(secret, "msg_3", new Date(), body);
    const tampered = body.replace("pat@", "pam@");
    expect(tampered).toHaveLength(body.length);
    expect(() => new Webhook(secret).verify(tampered, headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(secret).verify(body, { ...headers, "webhook-id": "msg_4" })).toThrow(WebhookVerificationError);
    expect(() => new Webhook(generateSecret()).verify(body, headers)).toThrow(WebhookVerificationError);
  });
});
