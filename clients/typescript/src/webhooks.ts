// generated from openapi/openapi.yaml (sha256 cf29fa4ae0a4dc10b653395c002690c4f4a06c9dba68f7dad68cad4c19c483ed), do not edit; regenerate with `contract generate`
/**
 * Verify and parse the webhook deliveries of Project-management API. Web Crypto only (`crypto.subtle`), so it
 * runs in browsers, React Native (with a Web Crypto polyfill), Deno, Bun, edge runtimes and Node 18+.
 *
 *   const event = await verifyAndParse(secret, request.headers, rawBody); // throws WebhookVerificationError
 *
 * Signatures (Standard Webhooks style headers): the sender signs `${Webhook-Timestamp}.${raw body}` with
 * HMAC-SHA256 keyed by the subscription's secret (the whole secret string, UTF-8) and sends
 * `Webhook-Signature: v1=<hex>` (several space-separated signatures may come; one matching is enough).
 * De-duplicate deliveries on `Webhook-Id`.
 *
 * Events (7): `task.created`, `task.updated`, `task.deleted`, `comment.created`, `member.added`, `member.removed`, `ping`. `parseEvent` picks the event
 * from its `event` argument, else from the payload's `type` when it names one, else the only event there is.
 * It checks the name, not the payload's shape (TypeScript has no runtime schema here).
 */
import type { webhooks } from "./generated/schema.js";

export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookVerificationError";
  }
}

export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/** UTF-8 bytes. `TextEncoder` is looked up on use, not at import: importing the package must work where
 * there is none (older React Native); without it the bytes are computed by hand. */
function utf8(text: string): Uint8Array<ArrayBuffer> {
  if (typeof TextEncoder === "function") return new TextEncoder().encode(text);
  const escaped = encodeURIComponent(text).replace(/%([0-9A-F]{2})/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
  return Uint8Array.from(escaped, (char) => char.charCodeAt(0));
}

/** Web Crypto, looked up on use (a polyfill may install it after the package is imported). */
function subtle(): SubtleCrypto {
  const webCrypto = (globalThis as { crypto?: Crypto }).crypto;
  if (!webCrypto?.subtle) {
    throw new WebhookVerificationError(
      "Web Crypto (crypto.subtle) is not available: install a polyfill (e.g. react-native-quick-crypto) first",
    );
  }
  return webCrypto.subtle;
}

function header(headers: WebhookHeaders, name: string): string {
  let value: string | string[] | undefined | null;
  if (typeof (headers as Headers).get === "function") {
    value = (headers as Headers).get(name);
  } else {
    const wanted = name.toLowerCase();
    const record = headers as Record<string, string | string[] | undefined>;
    const key = Object.keys(record).find((k) => k.toLowerCase() === wanted);
    value = key === undefined ? undefined : record[key];
  }
  if (Array.isArray(value)) value = value.join(" ");
  if (value === undefined || value === null || value === "") {
    throw new WebhookVerificationError(`missing ${name} header`);
  }
  return value;
}

function toBytes(body: string | Uint8Array | ArrayBuffer): Uint8Array {
  if (typeof body === "string") return utf8(body);
  return body instanceof Uint8Array ? body : new Uint8Array(body);
}

/** The `Webhook-Signature` value the sender sends for `body` at `timestamp`. */
export async function sign(secret: string, timestamp: string | number, body: string | Uint8Array | ArrayBuffer): Promise<string> {
  const key = await subtle().importKey("raw", utf8(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const prefix = utf8(`${timestamp}.`);
  const raw = toBytes(body);
  const message = new Uint8Array(prefix.length + raw.length);
  message.set(prefix, 0);
  message.set(raw, prefix.length);
  const mac = new Uint8Array(await subtle().sign("HMAC", key, message));
  return "v1=" + Array.from(mac, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export interface VerifyOptions {
  /** Seconds a timestamp may be off (replay protection); 0 disables the check. Default 300. */
  tolerance?: number;
  /** The current Unix time in seconds (tests). */
  now?: number;
}

/** Resolves when `body` (the raw bytes or text, before parsing) was signed with `secret`; throws otherwise. */
export async function verifySignature(
  secret: string,
  headers: WebhookHeaders,
  body: string | Uint8Array | ArrayBuffer,
  options: VerifyOptions = {},
): Promise<void> {
  const timestamp = header(headers, "Webhook-Timestamp").trim();
  const signatures = header(headers, "Webhook-Signature").split(/\s+/).filter(Boolean);
  if (!/^[0-9]+$/.test(timestamp)) throw new WebhookVerificationError("malformed Webhook-Timestamp header");
  const tolerance = options.tolerance ?? 300;
  const now = options.now ?? Date.now() / 1000;
  if (tolerance > 0 && Math.abs(now - Number(timestamp)) > tolerance) {
    throw new WebhookVerificationError("Webhook-Timestamp is outside the tolerance (a replay?)");
  }
  const expected = await sign(secret, timestamp, body);
  if (!signatures.some((candidate) => constantTimeEqual(expected, candidate))) {
    throw new WebhookVerificationError("no signature matches");
  }
}

/** Each webhook's payload type, by event name. */
export interface WebhookEvents {
  /** A task was created */
  "task.created": NonNullable<NonNullable<webhooks["task.created"]["post"]>["requestBody"]>["content"]["application/json"];
  /** A task was changed (its new state) */
  "task.updated": NonNullable<NonNullable<webhooks["task.updated"]["post"]>["requestBody"]>["content"]["application/json"];
  /** A task was deleted */
  "task.deleted": NonNullable<NonNullable<webhooks["task.deleted"]["post"]>["requestBody"]>["content"]["application/json"];
  /** A comment was posted on a task */
  "comment.created": NonNullable<NonNullable<webhooks["comment.created"]["post"]>["requestBody"]>["content"]["application/json"];
  /** A user was added to the project */
  "member.added": NonNullable<NonNullable<webhooks["member.added"]["post"]>["requestBody"]>["content"]["application/json"];
  /** A member was removed from (or left) the project */
  "member.removed": NonNullable<NonNullable<webhooks["member.removed"]["post"]>["requestBody"]>["content"]["application/json"];
  /** A test event, sent on request (`webhooks_ping`) */
  "ping": NonNullable<NonNullable<webhooks["ping"]["post"]>["requestBody"]>["content"]["application/json"];
}

export type WebhookEventName = keyof WebhookEvents;
export type WebhookEvent = WebhookEvents[WebhookEventName];

/** The event names the document declares. */
export const WEBHOOK_EVENTS: readonly WebhookEventName[] = ["task.created", "task.updated", "task.deleted", "comment.created", "member.added", "member.removed", "ping"];

/** The event could not be told, or is not one the document declares. */
export class UnknownWebhookEvent extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnknownWebhookEvent";
  }
}

function isEventName(value: unknown): value is WebhookEventName {
  return typeof value === "string" && (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

function decode(body: string | Uint8Array | ArrayBuffer): string {
  if (typeof body === "string") return body;
  const bytes = body instanceof Uint8Array ? body : new Uint8Array(body);
  if (typeof TextDecoder === "function") return new TextDecoder().decode(bytes);
  return decodeURIComponent(Array.from(bytes, (byte) => "%" + byte.toString(16).padStart(2, "0")).join(""));
}

/** The payload (raw bytes, text or decoded JSON) typed as its event's; throws UnknownWebhookEvent. */
export function parseEvent<K extends WebhookEventName>(body: string | Uint8Array | ArrayBuffer | object, event: K): WebhookEvents[K];
export function parseEvent(body: string | Uint8Array | ArrayBuffer | object, event?: string): WebhookEvent;
export function parseEvent(body: string | Uint8Array | ArrayBuffer | object, event?: string): WebhookEvent {
  const payload: unknown =
    typeof body === "string" || body instanceof Uint8Array || body instanceof ArrayBuffer ? JSON.parse(decode(body)) : body;
  if (event !== undefined) {
    if (!isEventName(event)) throw new UnknownWebhookEvent(`${JSON.stringify(event)} is not a webhook of the document`);
    return payload as WebhookEvent;
  }
  const kind = typeof payload === "object" && payload !== null ? (payload as { type?: unknown }).type : undefined;
  if (isEventName(kind) || WEBHOOK_EVENTS.length === 1) return payload as WebhookEvent;
  throw new UnknownWebhookEvent("the payload does not say which event it is; pass the event name");
}

/** `verifySignature`, then `parseEvent`: only a genuine delivery is parsed. */
export async function verifyAndParse<K extends WebhookEventName>(
  secret: string,
  headers: WebhookHeaders,
  body: string | Uint8Array | ArrayBuffer,
  options: VerifyOptions & { event: K },
): Promise<WebhookEvents[K]>;
export async function verifyAndParse(
  secret: string,
  headers: WebhookHeaders,
  body: string | Uint8Array | ArrayBuffer,
  options?: VerifyOptions & { event?: string },
): Promise<WebhookEvent>;
export async function verifyAndParse(
  secret: string,
  headers: WebhookHeaders,
  body: string | Uint8Array | ArrayBuffer,
  options: VerifyOptions & { event?: string } = {},
): Promise<WebhookEvent> {
  await verifySignature(secret, headers, body, options);
  return parseEvent(body, options.event);
}
