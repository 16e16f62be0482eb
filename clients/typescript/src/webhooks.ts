/**
 * Verify the signature of a webhook delivery (hand-written). Web Crypto only (`crypto.subtle`), so it runs
 * in browsers, React Native (with a Web Crypto polyfill), Deno, Bun, edge runtimes and Node 18+.
 *
 *   await verifySignature(secret, request.headers, rawBody); // throws WebhookVerificationError
 *
 * The server signs `${Webhook-Timestamp}.${raw body}` with HMAC-SHA256 keyed by the subscription's secret
 * (the whole `whsec_...` string, UTF-8) and sends `Webhook-Signature: v1=<hex>` (several space-separated
 * signatures may come; one matching is enough). De-duplicate deliveries on `Webhook-Id`.
 */

export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookVerificationError";
  }
}

export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

const encoder = new TextEncoder();

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
  if (typeof body === "string") return encoder.encode(body);
  return body instanceof Uint8Array ? body : new Uint8Array(body);
}

/** The `Webhook-Signature` value the server sends for `body` at `timestamp`. */
export async function sign(secret: string, timestamp: string | number, body: string | Uint8Array | ArrayBuffer): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const prefix = encoder.encode(`${timestamp}.`);
  const raw = toBytes(body);
  const message = new Uint8Array(prefix.length + raw.length);
  message.set(prefix, 0);
  message.set(raw, prefix.length);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, message));
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
