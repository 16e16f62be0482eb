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

/** The `Webhook-Signature` value the server sends for `body` at `timestamp`. */
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
