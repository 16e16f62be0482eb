/** The webhook signature helper (Web Crypto) against a signature computed by Node's own HMAC. */
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { test } from "node:test";

import { UnknownWebhookEvent, WEBHOOK_EVENTS, WebhookVerificationError, parseEvent, sign, verifyAndParse, verifySignature } from "../src/webhooks.js";

const SECRET = "whsec_test-secret-0123456789abcdefghijklmnopqrstuv";
const BODY = '{"id":"evt_00000000000000000000000000000001","type":"ping","data":{"webhook_id":5}}';
const NOW = 1_795_431_600;

function nodeSignature(timestamp: number, body: string): string {
  return "v1=" + createHmac("sha256", SECRET).update(`${timestamp}.${body}`).digest("hex");
}

test("sign matches the server's recipe", async () => {
  assert.equal(await sign(SECRET, NOW, BODY), nodeSignature(NOW, BODY));
});

test("a genuine delivery verifies (Headers or a plain record, any case)", async () => {
  const signature = nodeSignature(NOW, BODY);
  await verifySignature(SECRET, new Headers({ "Webhook-Timestamp": String(NOW), "Webhook-Signature": signature }), BODY, { now: NOW });
  await verifySignature(SECRET, { "webhook-timestamp": String(NOW), "webhook-signature": `v1=${"0".repeat(64)} ${signature}` }, new TextEncoder().encode(BODY), { now: NOW + 10 });
});

test("tampering, a wrong secret, an old timestamp and missing headers are refused", async () => {
  const headers = { "Webhook-Timestamp": String(NOW), "Webhook-Signature": nodeSignature(NOW, BODY) };
  await assert.rejects(verifySignature(SECRET, headers, BODY + " ", { now: NOW }), WebhookVerificationError);
  await assert.rejects(verifySignature(SECRET + "x", headers, BODY, { now: NOW }), WebhookVerificationError);
  await assert.rejects(verifySignature(SECRET, headers, BODY, { now: NOW + 301 }), WebhookVerificationError);
  await assert.rejects(verifySignature(SECRET, { "Webhook-Timestamp": String(NOW) }, BODY, { now: NOW }), WebhookVerificationError);
});

test("events are typed and told apart by the payload's type (generated from the contract's webhooks)", async () => {
  assert.deepEqual([...WEBHOOK_EVENTS], ["task.created", "task.updated", "task.deleted", "comment.created", "member.added", "member.removed", "ping"]);
  const ping = parseEvent(BODY);
  assert.equal(ping.type, "ping");
  const typed = parseEvent(new TextEncoder().encode(BODY), "ping");
  assert.equal(typed.data.webhook_id, 5);
  assert.throws(() => parseEvent('{"type":"task.eaten"}'), UnknownWebhookEvent);
  assert.throws(() => parseEvent(BODY, "task.eaten"), UnknownWebhookEvent);
  const headers = { "Webhook-Timestamp": String(NOW), "Webhook-Signature": nodeSignature(NOW, BODY) };
  const event = await verifyAndParse(SECRET, headers, BODY, { now: NOW, event: "ping" });
  assert.equal(event.id, "evt_00000000000000000000000000000001");
  await assert.rejects(verifyAndParse(SECRET, headers, BODY + " ", { now: NOW }), WebhookVerificationError);
});
