/**
 * Hand-written runtime of the generated TypeScript SDK: auth, retries, timeouts, typed errors and pagination,
 * on top of openapi-fetch. Not generated and API-agnostic (`contract generate` copies it verbatim into SDKs
 * generated elsewhere). Uses only `fetch`, `Request`, `Response`, `Headers`, `AbortController` and
 * `setTimeout`, so it runs in browsers, React Native and Node 18+.
 */
import createClient, { type Client, type MaybeOptionalInit } from "openapi-fetch";
import type {
  HttpMethod,
  MediaType,
  RequiredKeysOf,
  ResponseObjectMap,
  SuccessResponse,
} from "openapi-typescript-helpers";

/* ------------------------------------------------------------------------------------------------------------
 * types the generated client uses
 * ---------------------------------------------------------------------------------------------------------- */

/** Per-call options accepted next to openapi-fetch's `params` / `body` / `headers`. */
export interface CallOptions {
  /** Sent as `Idempotency-Key`: a non-idempotent request with a key is retried like an idempotent one. */
  idempotencyKey?: string;
  /** Abort the attempt after this many milliseconds (overrides the client's `timeoutMs`). */
  timeoutMs?: number;
  /** Retries for this call (overrides the client's `retry.maxRetries`). */
  maxRetries?: number;
  /** Aborts the call (all attempts). */
  signal?: AbortSignal;
}

/** What the generated client knows about one operation of the contract. */
export interface OperationSpec<P, M extends HttpMethod> {
  method: M;
  path: P;
  operationId: string;
  /** Security scheme names the operation accepts (empty: public). */
  security: readonly string[];
  /** The operation's own server URL (a path item's or operation's `servers`), resolved by `serverUrl`. */
  server?: string;
  /**
   * The contract declares the idempotency header for this operation (the server honours it): with retries
   * on, a request without `idempotencyKey` gets a generated one (`retry.autoIdempotencyKey`).
   */
  acceptsIdempotencyKey?: boolean;
  /** The contract deprecates the operation (`deprecated: true`): each call is reported (`onDeprecation`). */
  deprecation?: DeprecationDates;
  /** Its deprecated parameters: a call that sends one is reported. */
  deprecatedParams?: readonly { in: "path" | "query" | "header" | "cookie"; name: string; deprecation: DeprecationDates }[];
}

/** `x-deprecated-at` and `x-sunset` of a deprecated operation or parameter, as the contract writes them. */
export interface DeprecationDates {
  since?: string;
  sunset?: string;
}

/** A call used something the contract deprecates: the operation itself, or one of its parameters. */
export interface DeprecationNotice extends DeprecationDates {
  operationId: string;
  /** Set when a deprecated parameter was sent (the operation itself may be fine). */
  parameter?: { in: string; name: string };
  /** One sentence: what is deprecated, since when, and its sunset. */
  message: string;
}

const warnedDeprecations = new Set<string>();

/** The default `onDeprecation`: one `console.warn` per operation or parameter per process. */
export function warnOnce(notice: DeprecationNotice): void {
  const key = `${notice.operationId} ${notice.parameter ? `${notice.parameter.in}:${notice.parameter.name}` : ""}`;
  if (warnedDeprecations.has(key)) return;
  warnedDeprecations.add(key);
  console.warn(`[deprecated] ${notice.message}`);
}

function deprecationMessage(subject: string, dates: DeprecationDates): string {
  const since = dates.since ? ` since ${dates.since}` : "";
  const until = dates.sunset ? `, sunset ${dates.sunset}` : " (no sunset announced)";
  return `${subject} is deprecated${since}${until}`;
}

/** What `init` uses that `spec` marks deprecated (the operation, and each deprecated parameter it sends). */
export function deprecationNotices(
  spec: Pick<OperationSpec<unknown, HttpMethod>, "operationId" | "method" | "path" | "deprecation" | "deprecatedParams">,
  init: unknown,
): DeprecationNotice[] {
  const notices: DeprecationNotice[] = [];
  if (spec.deprecation) {
    const subject = `${spec.operationId} (${spec.method.toUpperCase()} ${String(spec.path)})`;
    notices.push({ operationId: spec.operationId, ...spec.deprecation, message: deprecationMessage(subject, spec.deprecation) });
  }
  const params = ((init ?? {}) as { params?: Record<string, Record<string, unknown> | undefined> }).params ?? {};
  for (const parameter of spec.deprecatedParams ?? []) {
    const value = params[parameter.in]?.[parameter.name];
    if (value === undefined || value === null) continue;
    const subject = `${spec.operationId}: ${parameter.in} parameter ${parameter.name}`;
    notices.push({
      operationId: spec.operationId,
      parameter: { in: parameter.in, name: parameter.name },
      ...parameter.deprecation,
      message: deprecationMessage(subject, parameter.deprecation),
    });
  }
  return notices;
}

type OperationOf<Paths, P extends keyof Paths, M extends HttpMethod> = M extends keyof Paths[P]
  ? Paths[P][M]
  : never;

type InitOf<Paths, P extends keyof Paths, M extends HttpMethod> = M extends keyof Paths[P]
  ? MaybeOptionalInit<Paths[P], M> & CallOptions
  : never;

/** The arguments of a generated method: the init object is optional when nothing in it is required. */
export type OperationInit<Paths, P extends keyof Paths, M extends HttpMethod> =
  RequiredKeysOf<InitOf<Paths, P, M>> extends never ? [init?: InitOf<Paths, P, M>] : [init: InitOf<Paths, P, M>];

/**
 * An operation's `parameters.header` where `Header` can no longer be given (`?: never`), required only if
 * what is left is. (`Header` = `string` drops every header: the loose form `ApiCore.call` accepts.)
 */
type HeaderParamsWithout<Params, Header extends string> = Params extends { header?: infer Headers }
  ? [NonNullable<Headers>] extends [never]
    ? { header?: never }
    : RequiredKeysOf<Omit<NonNullable<Headers>, Header>> extends never
      ? { header?: Omit<NonNullable<Headers>, Header> & Forbidden<Header> }
      : { header: Omit<NonNullable<Headers>, Header> & Forbidden<Header> }
  : unknown;

type Forbidden<Header extends string> = { [K in Header as string extends K ? never : K]?: never };

/** An operation type whose header parameter `Header` is removed from `parameters.header`. */
type WithoutHeaderParam<Op, Header extends string> = Op extends { parameters: infer Params }
  ? Omit<Op, "parameters"> & { parameters: Omit<Params, "header"> & HeaderParamsWithout<Params, Header> }
  : Op;

type KeyedInitOf<Paths, P extends keyof Paths, M extends HttpMethod, Header extends string, KeyRequired extends boolean> =
  M extends keyof Paths[P]
    ? MaybeOptionalInit<{ [K in M]: WithoutHeaderParam<Paths[P][M], Header> }, M> &
        CallOptions &
        (KeyRequired extends true ? { idempotencyKey: string } : unknown)
    : never;

/**
 * The arguments of a generated method whose operation declares the idempotency header (`Header`, e.g.
 * `Idempotency-Key`) as a parameter: the header is not in `params.header`, it is set only through
 * `idempotencyKey` (required when the contract requires the header), which also makes the request retryable.
 */
export type KeyedOperationInit<
  Paths,
  P extends keyof Paths,
  M extends HttpMethod,
  Header extends string,
  KeyRequired extends boolean = false,
> =
  RequiredKeysOf<KeyedInitOf<Paths, P, M, Header, KeyRequired>> extends never
    ? [init?: KeyedInitOf<Paths, P, M, Header, KeyRequired>]
    : [init: KeyedInitOf<Paths, P, M, Header, KeyRequired>];

type ResponsesOf<T> = ResponseObjectMap<T> extends Record<string | number, unknown> ? ResponseObjectMap<T> : never;

/**
 * The parsed success body of an operation (`undefined` for responses without content). Not wrapped in
 * openapi-fetch's `Readable` (it only strips `--read-write-markers`, which the generator does not emit, and it
 * would map the open enums' `string & {}` as if it were an object).
 */
export type OperationData<Paths, P extends keyof Paths, M extends HttpMethod> = SuccessResponse<
  ResponsesOf<OperationOf<Paths, P, M>>,
  MediaType
>;

/** The element type of the array `Key` of a page. */
export type PageItem<Page, Key extends string> = Page extends { [K in Key]?: infer Items }
  ? Items extends readonly (infer Item)[]
    ? Item
    : never
  : never;

/** What the generated client knows about the contract's security schemes. */
export interface SecuritySchemes {
  bearer: readonly string[];
  basic: readonly string[];
  apiKeys: Readonly<Record<string, { name: string; in: "header" | "query" | "cookie" }>>;
}

export interface RetryEvent {
  operationId: string;
  method: string;
  url: string;
  /** 1 for the first retry. */
  attempt: number;
  delayMs: number;
  status?: number;
  error?: unknown;
}

export interface RetryOptions {
  /** Default 3. */
  maxRetries?: number;
  /** Exponential backoff base, default 500 ms (full jitter). */
  backoffBaseMs?: number;
  /** Backoff ceiling, default 8000 ms. */
  backoffMaxMs?: number;
  /** Statuses that are retried, default 429 and 503. */
  retryStatuses?: readonly number[];
  /** A `Retry-After` longer than this is not waited for, default 60000 ms. */
  maxRetryAfterMs?: number;
  /** Retry network errors (not timeouts or aborts) of retryable requests, default true. */
  retryNetworkErrors?: boolean;
  /** Default "Idempotency-Key". */
  idempotencyHeader?: string;
  /**
   * Problem `code`s of a 409 that are retried like a 429/503, only for requests that carry an idempotency key;
   * default `["idempotency_key_in_use"]` (the first request with that key is still running). Other 409s are not.
   */
  retryConflictCodes?: readonly string[];
  /**
   * With retries on, a request to an operation that accepts an idempotency key but has none gets a generated
   * key (a random UUID), so that a create is retried safely, as Stripe's SDKs do. Default true.
   */
  autoIdempotencyKey?: boolean;
  onRetry?: (event: RetryEvent) => void;
}

/** New tokens from a refresh, for `onTokenRefresh` (e.g. to store them). */
export interface RefreshedTokens {
  accessToken: string;
  /** Set when the server rotated the refresh token. */
  refreshToken?: string;
}

export interface ClientOptions {
  /**
   * Where the API is served; the contract's relative server path is appended when this has no path.
   * Operations with their own `servers` in the contract go there instead (a relative one on this origin).
   */
  baseUrl: string;
  /** Bearer token, or a function returning the current one. */
  token?: string | (() => string | Promise<string>);
  /**
   * A refresh token: a 401 to a bearer-authenticated call then refreshes the access token once (one refresh
   * shared by concurrent calls) and replays the call.
   */
  refreshToken?: string;
  /** Told the new tokens after each refresh. */
  onTokenRefresh?: (tokens: RefreshedTokens) => void;
  /** API keys by scheme name, or one string when the contract has a single API-key scheme. */
  apiKey?: string | Record<string, string>;
  basic?: { username: string; password: string };
  /** Per-attempt timeout, default 30000 ms. */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** Extra headers for every request. */
  headers?: Record<string, string>;
  /** A fetch implementation (defaults to globalThis.fetch). */
  fetch?: (input: Request) => Promise<Response>;
  /**
   * Told each call that uses something the contract deprecates (the operation, or a parameter it sends),
   * before the request is sent. Default: `warnOnce`, one `console.warn` per operation or parameter per
   * process; pass `() => {}` to silence it, or route it to your logs or metrics.
   */
  onDeprecation?: (notice: DeprecationNotice) => void;
}

/* ------------------------------------------------------------------------------------------------------------
 * errors
 * ---------------------------------------------------------------------------------------------------------- */

/** An RFC 9457 problem details object; extension members are kept. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

/** A non-2xx response. `problem` is set for `application/problem+json` bodies; subclasses name the status. */
export class ApiError extends Error {
  readonly status: number;
  readonly operationId: string;
  readonly headers: Headers;
  readonly body: unknown;
  readonly problem: ProblemDetails | undefined;
  readonly url: string;

  constructor(response: Response, body: unknown, operationId: string) {
    const media = (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    const problem =
      body !== null && typeof body === "object" && !Array.isArray(body) &&
      (media === "application/problem+json" || ("title" in body && "status" in body))
        ? (body as ProblemDetails)
        : undefined;
    const title = problem?.title ?? response.statusText ?? "error";
    super(`${response.status} ${title}${problem?.detail ? `: ${problem.detail}` : ""} (${operationId})`);
    this.name = new.target.name;
    this.status = response.status;
    this.operationId = operationId;
    this.headers = response.headers;
    this.body = body;
    this.problem = problem;
    this.url = response.url;
  }

  /** The problem's machine-readable `code` extension, when the API sends one. */
  get code(): string | undefined {
    const code = this.problem?.["code"];
    return typeof code === "string" ? code : undefined;
  }

  /** Seconds from `Retry-After`, if present. */
  get retryAfterSeconds(): number | undefined {
    const ms = parseRetryAfter(this.headers.get("retry-after"));
    return ms === undefined ? undefined : ms / 1000;
  }
}

/** 400 */
export class BadRequestError extends ApiError {}
/** 401 */
export class AuthenticationError extends ApiError {}
/** 403 */
export class PermissionDeniedError extends ApiError {}
/** 404 */
export class NotFoundError extends ApiError {}
/** 405 */
export class MethodNotAllowedError extends ApiError {}
/** 406 */
export class NotAcceptableError extends ApiError {}
/** 408 (the server gave up waiting for the request; not `ApiTimeoutError`, the client's own timeout) */
export class RequestTimeoutError extends ApiError {}
/** 409 */
export class ConflictError extends ApiError {}
/** 410 */
export class GoneError extends ApiError {}
/** 412: `If-Match` no longer matches (someone changed the resource); read it again and reapply. */
export class PreconditionFailedError extends ApiError {}
/** 413 */
export class PayloadTooLargeError extends ApiError {}
/** 415 */
export class UnsupportedMediaTypeError extends ApiError {}
/** 422 */
export class UnprocessableEntityError extends ApiError {}
/** 428 */
export class PreconditionRequiredError extends ApiError {}
/** 429, after the retries the policy allowed (`retryAfterSeconds` is the server's last hint). */
export class RateLimitError extends ApiError {}
/** 5xx */
export class ServerError extends ApiError {}
/** 500 */
export class InternalServerError extends ServerError {}
/** 502 */
export class BadGatewayError extends ServerError {}
/** 503 */
export class ServiceUnavailableError extends ServerError {}
/** 504 */
export class GatewayTimeoutError extends ServerError {}

/** The error class of each status (the Python SDK has the same classes, by the same names). */
export const ERRORS_BY_STATUS: Readonly<Record<number, typeof ApiError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  405: MethodNotAllowedError,
  406: NotAcceptableError,
  408: RequestTimeoutError,
  409: ConflictError,
  410: GoneError,
  412: PreconditionFailedError,
  413: PayloadTooLargeError,
  415: UnsupportedMediaTypeError,
  422: UnprocessableEntityError,
  428: PreconditionRequiredError,
  429: RateLimitError,
  500: InternalServerError,
  502: BadGatewayError,
  503: ServiceUnavailableError,
  504: GatewayTimeoutError,
};

/** The `ApiError` subclass for a non-2xx response. */
export function errorFor(response: Response, body: unknown, operationId: string): ApiError {
  const cls = ERRORS_BY_STATUS[response.status] ?? (response.status >= 500 ? ServerError : ApiError);
  return new cls(response, body, operationId);
}

/** No (complete) answer within the timeout (`timeoutMs`). The Python SDK raises the class of the same name. */
export class ApiTimeoutError extends Error {
  readonly timeoutMs: number;
  constructor(ms: number) {
    super(`request timed out after ${ms} ms`);
    this.name = "ApiTimeoutError";
    this.timeoutMs = ms;
  }
}

/** @deprecated the former name of `ApiTimeoutError`. */
export const TimeoutError = ApiTimeoutError;
/** @deprecated the former name of `ApiTimeoutError`. */
export type TimeoutError = ApiTimeoutError;

/* ------------------------------------------------------------------------------------------------------------
 * response metadata
 * ---------------------------------------------------------------------------------------------------------- */

/** The `RateLimit-*` headers of a response (draft-ietf-httpapi-ratelimit-headers). */
export interface RateLimit {
  limit?: number;
  remaining?: number;
  /** Seconds until the window ends. */
  reset?: number;
}

function intHeader(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

/**
 * What every response says besides its body. In browsers, only headers the server lists in
 * `Access-Control-Expose-Headers` are readable cross-origin.
 */
abstract class ResponseMeta {
  constructor(
    readonly status: number,
    readonly headers: Headers,
  ) {}

  /** The `ETag`: send it back as `If-Match` (conditional write) or `If-None-Match` (revalidation). */
  get etag(): string | undefined {
    return this.headers.get("etag") ?? undefined;
  }

  /** `X-Request-ID`: quote it when reporting a problem (the server logs it with the request). */
  get requestId(): string | undefined {
    return this.headers.get("x-request-id") ?? undefined;
  }

  /** `RateLimit-Limit` / `-Remaining` / `-Reset`, or undefined when the response has none of them. */
  get rateLimit(): RateLimit | undefined {
    const limit = intHeader(this.headers, "ratelimit-limit");
    const remaining = intHeader(this.headers, "ratelimit-remaining");
    const reset = intHeader(this.headers, "ratelimit-reset");
    if (limit === undefined && remaining === undefined && reset === undefined) return undefined;
    return { limit, remaining, reset };
  }

  /** `Idempotent-Replayed: true`: the stored response of an earlier request with the same key. */
  get idempotentReplayed(): boolean {
    return (this.headers.get("idempotent-replayed") ?? "").trim().toLowerCase() === "true";
  }
}

/** A success response: the typed body (`data`) with the status and headers it came with. */
export class ApiResponse<T> extends ResponseMeta {
  readonly notModified = false as const;
  constructor(
    status: number,
    headers: Headers,
    readonly data: T,
  ) {
    super(status, headers);
  }
}

/** `304 Not Modified` to a conditional GET (`If-None-Match`): the copy you hold is still current. */
export class NotModified extends ResponseMeta {
  readonly notModified = true as const;
  constructor(
    headers: Headers,
    readonly operationId: string,
  ) {
    super(304, headers);
  }
}

/**
 * A 304 to a plain call, which has no body to return: use `withResponse` for conditional GETs (it resolves
 * to `NotModified`). Not an `ApiError`: nothing went wrong.
 */
export class NotModifiedError extends Error {
  constructor(readonly response: NotModified) {
    super(`304 Not Modified (${response.operationId}): call withResponse.<method> to get a NotModified result`);
    this.name = "NotModifiedError";
  }
}

/** The response, or `NotModifiedError` for a 304. */
export function modified<T>(result: ApiResponse<T> | NotModified): ApiResponse<T> {
  if (result instanceof NotModified) throw new NotModifiedError(result);
  return result;
}

/* ------------------------------------------------------------------------------------------------------------
 * helpers
 * ---------------------------------------------------------------------------------------------------------- */

const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);

/** `Retry-After` in milliseconds: delay-seconds or an HTTP-date. */
export function parseRetryAfter(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.max(0, Number(trimmed) * 1000);
  const when = Date.parse(trimmed);
  return Number.isNaN(when) ? undefined : Math.max(0, when - Date.now());
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason ?? new Error("aborted"));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason ?? new Error("aborted"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function joinBase(baseUrl: string, serverPath: string): string {
  let base = baseUrl.replace(/\/+$/, "");
  if (serverPath && !/^https?:\/\//i.test(serverPath)) {
    const match = /^[a-z][a-z0-9+.-]*:\/\/[^/]+(.*)$/i.exec(base);
    if (match && (match[1] === "" || match[1] === "/")) base = `${base}/${serverPath.replace(/^\/+|\/+$/g, "")}`;
  }
  return base.replace(/\/+$/, "");
}

/**
 * The base URL of an operation the contract serves from its own `servers` (path item or operation level):
 * an absolute server URL as is; a relative one (`/`, `/probes`) after the origin (scheme://host:port) of
 * `baseUrl`, whatever path `baseUrl` has.
 */
export function serverBaseUrl(baseUrl: string, server: string): string {
  const trimmed = server.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return trimmed.replace(/\/+$/, "");
  if (trimmed.startsWith("//")) {
    const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(baseUrl);
    return `${scheme ? scheme[1]! : ""}${trimmed}`.replace(/\/+$/, "");
  }
  const path = trimmed.replace(/^\/+|\/+$/g, "");
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]+)/i.exec(baseUrl.trim());
  const root = match ? match[1]! : "";
  return path ? `${root}/${path}` : root;
}

function origin(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]+)/i.exec(url);
  return match ? match[1]!.toLowerCase() : "";
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** UTF-8 then base64, without btoa/Buffer/TextEncoder (not everywhere in React Native). */
function base64(text: string): string {
  const bytes: number[] = [];
  for (const char of unescapeUtf8(text)) bytes.push(char.charCodeAt(0));
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    out += BASE64[a >> 2]! + BASE64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? "=" : BASE64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? "=" : BASE64[c & 63]!;
  }
  return out;
}

function unescapeUtf8(text: string): string {
  return encodeURIComponent(text).replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/* ------------------------------------------------------------------------------------------------------------
 * the core the generated client drives
 * ---------------------------------------------------------------------------------------------------------- */

interface SendOptions {
  operationId: string;
  security: readonly string[];
  timeoutMs?: number;
  maxRetries?: number;
  signal?: AbortSignal;
  /** Set to the `Authorization` header the request was sent with (to tell whether a refresh is due). */
  sent?: { authorization: string | null };
}

/** A random UUID (v4): `crypto.randomUUID` where there is one, else Math.random (React Native, old browsers). */
function randomUuid(): string {
  const native = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (typeof native?.randomUUID === "function") return native.randomUUID();
  return "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, (c) => {
    const r = Math.floor(Math.random() * 16);
    return (c === "x" ? r : (r & 3) | 8).toString(16);
  });
}

/** Header values as strings (openapi-fetch's own rule for `params.header`: arrays joined by commas). */
function headerStrings(values: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(values ?? {})) {
    if (value === undefined || value === null) continue;
    out[name] = Array.isArray(value) ? value.join(",") : String(value);
  }
  return out;
}

type Exchange = { data?: unknown; error?: unknown; response: Response };

export class ApiCore<Paths extends {}> {
  /** The underlying openapi-fetch client (no auth or retries: use it for anything the SDK does not cover). */
  readonly raw: Client<Paths>;
  readonly baseUrl: string;
  private token: ClientOptions["token"];
  private refreshToken: string | undefined;
  private readonly onTokenRefresh: ClientOptions["onTokenRefresh"];
  private refresher: ((refreshToken: string) => Promise<RefreshedTokens>) | undefined;
  private refreshing: Promise<boolean> | undefined;
  private readonly apiKeys: Record<string, string> = {};
  private readonly basic: ClientOptions["basic"];
  private readonly retry: Required<Omit<RetryOptions, "onRetry">> & Pick<RetryOptions, "onRetry">;
  private readonly timeoutMs: number;
  private readonly fetchImpl: (input: Request) => Promise<Response>;
  private readonly onDeprecation: (notice: DeprecationNotice) => void;

  constructor(
    options: ClientOptions,
    private readonly contract: { serverPath: string; security: SecuritySchemes },
  ) {
    if (!options.baseUrl) throw new Error("baseUrl is required, e.g. https://api.example.com");
    this.baseUrl = joinBase(options.baseUrl, contract.serverPath);
    this.token = options.token;
    this.refreshToken = options.refreshToken;
    this.onTokenRefresh = options.onTokenRefresh;
    this.basic = options.basic;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retry = {
      maxRetries: options.retry?.maxRetries ?? 3,
      backoffBaseMs: options.retry?.backoffBaseMs ?? 500,
      backoffMaxMs: options.retry?.backoffMaxMs ?? 8_000,
      retryStatuses: options.retry?.retryStatuses ?? [429, 503],
      maxRetryAfterMs: options.retry?.maxRetryAfterMs ?? 60_000,
      retryNetworkErrors: options.retry?.retryNetworkErrors ?? true,
      idempotencyHeader: options.retry?.idempotencyHeader ?? "Idempotency-Key",
      retryConflictCodes: options.retry?.retryConflictCodes ?? ["idempotency_key_in_use"],
      autoIdempotencyKey: options.retry?.autoIdempotencyKey ?? true,
      onRetry: options.retry?.onRetry,
    };
    const globalFetch = globalThis.fetch;
    this.fetchImpl = options.fetch ?? ((request: Request) => globalFetch(request));
    this.onDeprecation = options.onDeprecation ?? warnOnce;
    this.setApiKey(options.apiKey);
    this.raw = createClient<Paths>({
      baseUrl: this.baseUrl,
      headers: options.headers,
      fetch: (request: Request) => this.fetchImpl(request),
    });
  }

  setToken(token: ClientOptions["token"]): void {
    this.token = token;
  }

  /** Use this refresh token from now on (see `ClientOptions.refreshToken`). */
  setRefreshToken(refreshToken: string | undefined): void {
    this.refreshToken = refreshToken;
  }

  /** How to trade the refresh token for new tokens (the generated client's token-refresh operation). */
  setRefresher(refresher: (refreshToken: string) => Promise<RefreshedTokens>): void {
    this.refresher = refresher;
  }

  /** One key for the only API-key scheme, or keys by scheme name. */
  setApiKey(key: string | Record<string, string> | undefined): void {
    const schemes = Object.keys(this.contract.security.apiKeys);
    if (key === undefined) return;
    if (typeof key === "string") {
      if (schemes.length !== 1) throw new Error(`the API has ${schemes.length} API-key schemes: pass { name: key }`);
      this.apiKeys[schemes[0]!] = key;
    } else {
      Object.assign(this.apiKeys, key);
    }
  }

  /** The base URL of an operation with its own server URL in the contract (see `serverBaseUrl`). */
  serverUrl(server: string): string {
    return serverBaseUrl(this.baseUrl, server);
  }

  /**
   * Call one operation: the typed body with the response's status and headers (`ApiResponse`), or
   * `NotModified` for a 304; rejects with an `ApiError` subclass for other non-2xx responses.
   */
  async respond<P extends keyof Paths, M extends HttpMethod>(
    spec: OperationSpec<P, M>,
    init: InitOf<Paths, P, M> | KeyedInitOf<Paths, P, M, string, boolean> | undefined,
  ): Promise<ApiResponse<OperationData<Paths, P, M>> | NotModified> {
    if (spec.deprecation || spec.deprecatedParams) {
      for (const notice of deprecationNotices(spec, init)) this.onDeprecation(notice);
    }
    const { idempotencyKey, timeoutMs, maxRetries, signal, headers, ...rest } = (init ?? {}) as CallOptions & {
      headers?: Record<string, string>;
    } & Record<string, unknown>;
    const finalHeaders: Record<string, string> = { ...(headers ?? {}) };
    const key = idempotencyKey || this.autoKey(spec, maxRetries);
    if (key) finalHeaders[this.retry.idempotencyHeader] = key;
    const request = this.raw.request as unknown as (
      method: string,
      url: string,
      init: Record<string, unknown>,
    ) => Promise<Exchange>;
    const { data, error, response } = await this.withRefresh(spec.security, (sent) =>
      request(spec.method, spec.path as string, {
        ...(spec.server !== undefined ? { baseUrl: this.serverUrl(spec.server) } : {}),
        ...rest,
        headers: finalHeaders,
        fetch: (req: Request) =>
          this.send(req, { operationId: spec.operationId, security: spec.security, timeoutMs, maxRetries, signal, sent }),
      }),
    );
    if (response.status === 304) return new NotModified(response.headers, spec.operationId);
    if (!response.ok) throw errorFor(response, error, spec.operationId);
    return new ApiResponse(response.status, response.headers, data as OperationData<Paths, P, M>);
  }

  /** `respond`, rejecting with `NotModifiedError` for a 304. */
  async respondModified<P extends keyof Paths, M extends HttpMethod>(
    spec: OperationSpec<P, M>,
    init: InitOf<Paths, P, M> | KeyedInitOf<Paths, P, M, string, boolean> | undefined,
  ): Promise<ApiResponse<OperationData<Paths, P, M>>> {
    return modified(await this.respond(spec, init));
  }

  /** Call one operation; resolves to the success body (see `respond` for the whole response). */
  async call<P extends keyof Paths, M extends HttpMethod>(
    spec: OperationSpec<P, M>,
    init: InitOf<Paths, P, M> | KeyedInitOf<Paths, P, M, string, boolean> | undefined,
  ): Promise<OperationData<Paths, P, M>> {
    return (await this.respondModified(spec, init)).data;
  }

  /**
   * Every item of every page: calls the operation, then follows each page's next link until it is empty,
   * with the call's header parameters, headers, timeout, retries and signal on every page. Links are followed
   * only on the origin the operation is sent to (its own server, or the client's).
   */
  async *paginate<P extends keyof Paths, M extends HttpMethod, Item>(
    spec: OperationSpec<P, M>,
    init: InitOf<Paths, P, M> | KeyedInitOf<Paths, P, M, string, boolean> | undefined,
    itemsKey: string,
    nextKey: string,
  ): AsyncGenerator<Item, void, undefined> {
    let page = (await this.call(spec, init)) as unknown;
    const options = (init ?? {}) as CallOptions & { headers?: Record<string, string>; params?: { header?: Record<string, unknown> } };
    const pageHeaders = { Accept: "application/json", ...headerStrings(options.params?.header), ...(options.headers ?? {}) };
    const home = origin(spec.server !== undefined ? this.serverUrl(spec.server) : this.baseUrl);
    for (;;) {
      const record = (page ?? {}) as Record<string, unknown>;
      const items = record[itemsKey];
      if (Array.isArray(items)) {
        for (const item of items) yield item as Item;
      }
      const next = record[nextKey];
      if (typeof next !== "string" || next === "") return;
      const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(next) ? next : `${home}${next}`;
      if (origin(url) !== home) {
        throw new Error(`refusing to follow a pagination link to another origin: ${url}`);
      }
      const { response } = await this.withRefresh(spec.security, async (sent) => ({
        response: await this.send(new Request(url, { method: "GET", headers: pageHeaders }), {
          operationId: spec.operationId,
          security: spec.security,
          timeoutMs: options.timeoutMs,
          maxRetries: options.maxRetries,
          signal: options.signal,
          sent,
        }),
      }));
      const text = await response.text();
      let body: unknown = undefined;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      if (!response.ok) throw errorFor(response, body, spec.operationId);
      page = body;
    }
  }

  /** The caller's key, or a generated one where the operation accepts keys and the request may be retried. */
  private autoKey(spec: { acceptsIdempotencyKey?: boolean }, maxRetries: number | undefined): string | undefined {
    if (!spec.acceptsIdempotencyKey || !this.retry.autoIdempotencyKey) return undefined;
    return (maxRetries ?? this.retry.maxRetries) > 0 ? randomUuid() : undefined;
  }

  /** Run `attempt`; after a 401 to a bearer operation, refresh the token (once, shared) and run it again. */
  private async withRefresh<R extends { response: Response }>(
    security: readonly string[],
    attempt: (sent: { authorization: string | null }) => Promise<R>,
  ): Promise<R> {
    const sent = { authorization: null as string | null };
    const first = await attempt(sent);
    if (first.response.status !== 401 || this.refreshToken === undefined || this.refresher === undefined) return first;
    if (!this.contract.security.bearer.some((name) => security.includes(name))) return first;
    if (!(await this.refreshOnce(sent.authorization))) return first;
    return attempt({ authorization: null });
  }

  private async currentAuthorization(): Promise<string | null> {
    if (this.token === undefined) return null;
    return `Bearer ${typeof this.token === "function" ? await this.token() : this.token}`;
  }

  /** Whether there is a new token to replay with: refreshed now, by a refresh in flight, or since `used`. */
  private async refreshOnce(used: string | null): Promise<boolean> {
    if (this.refreshing === undefined && (await this.currentAuthorization()) !== used) return true;
    if (this.refreshing === undefined) {
      const refresher = this.refresher!;
      const refreshToken = this.refreshToken!;
      this.refreshing = (async () => {
        try {
          const tokens = await refresher(refreshToken);
          this.token = tokens.accessToken;
          if (tokens.refreshToken) this.refreshToken = tokens.refreshToken;
          this.onTokenRefresh?.(tokens);
          return true;
        } catch (error) {
          if (error instanceof ApiError) return false; // the refresh token is no good either: the 401 stands
          throw error;
        } finally {
          this.refreshing = undefined;
        }
      })();
    }
    return this.refreshing;
  }

  /** One request with credentials, per-attempt timeout and retries. */
  async send(request: Request, options: SendOptions): Promise<Response> {
    await this.authorize(request, options.security);
    if (options.sent) options.sent.authorization = request.headers.get("authorization");
    const maxRetries = options.maxRetries ?? this.retry.maxRetries;
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const retryable =
      IDEMPOTENT.has(request.method.toUpperCase()) || request.headers.has(this.retry.idempotencyHeader);
    // Bodies are streams: keep a pristine copy to clone for every attempt.
    const template = retryable && maxRetries > 0 ? request.clone() : request;
    for (let attempt = 1; ; attempt++) {
      const current = retryable && maxRetries > 0 ? template.clone() : request;
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort(new ApiTimeoutError(timeoutMs));
      }, timeoutMs);
      const outer = options.signal;
      const onAbort = (): void => controller.abort(outer?.reason);
      if (outer?.aborted) controller.abort(outer.reason);
      outer?.addEventListener("abort", onAbort, { once: true });
      let response: Response;
      try {
        response = await this.fetchImpl(new Request(current, { signal: controller.signal }));
      } catch (error) {
        clearTimeout(timer);
        outer?.removeEventListener("abort", onAbort);
        if (timedOut) throw new ApiTimeoutError(timeoutMs);
        const networkError = !outer?.aborted && error instanceof TypeError;
        if (networkError && this.retry.retryNetworkErrors && retryable && attempt <= maxRetries) {
          const delayMs = this.backoff(attempt);
          this.retry.onRetry?.({ operationId: options.operationId, method: request.method, url: request.url, attempt, delayMs, error });
          await sleep(delayMs, outer);
          continue;
        }
        throw error;
      }
      clearTimeout(timer);
      outer?.removeEventListener("abort", onAbort);
      if (retryable && attempt <= maxRetries && (await this.retriesStatus(request, response))) {
        const hinted = parseRetryAfter(response.headers.get("retry-after"));
        if (hinted === undefined || hinted <= this.retry.maxRetryAfterMs) {
          const delayMs =
            hinted !== undefined ? hinted + Math.random() * Math.min(250, this.retry.backoffBaseMs) : this.backoff(attempt);
          await response.body?.cancel().catch(() => undefined);
          this.retry.onRetry?.({
            operationId: options.operationId,
            method: request.method,
            url: request.url,
            attempt,
            delayMs,
            status: response.status,
          });
          await sleep(delayMs, outer);
          continue;
        }
      }
      return response;
    }
  }

  /** A retry status (429/503 by default), or a 409 whose problem `code` says the keyed request is in flight. */
  private async retriesStatus(request: Request, response: Response): Promise<boolean> {
    if (this.retry.retryStatuses.includes(response.status)) return true;
    if (response.status !== 409 || this.retry.retryConflictCodes.length === 0) return false;
    if (!request.headers.get(this.retry.idempotencyHeader)) return false;
    let code: unknown;
    try {
      // A clone: when the 409 is not retried, the caller still reads the original body.
      const body: unknown = JSON.parse(await response.clone().text());
      code = body !== null && typeof body === "object" ? (body as Record<string, unknown>)["code"] : undefined;
    } catch {
      return false;
    }
    return typeof code === "string" && this.retry.retryConflictCodes.includes(code);
  }

  private backoff(attempt: number): number {
    return Math.random() * Math.min(this.retry.backoffMaxMs, this.retry.backoffBaseMs * 2 ** (attempt - 1));
  }

  private async authorize(request: Request, security: readonly string[]): Promise<void> {
    const schemes = this.contract.security;
    const accepted = new Set(security);
    if (this.token !== undefined && schemes.bearer.some((name) => accepted.has(name))) {
      const token = typeof this.token === "function" ? await this.token() : this.token;
      request.headers.set("Authorization", `Bearer ${token}`);
    } else if (this.basic && schemes.basic.some((name) => accepted.has(name))) {
      request.headers.set("Authorization", `Basic ${base64(`${this.basic.username}:${this.basic.password}`)}`);
    }
    for (const [name, scheme] of Object.entries(schemes.apiKeys)) {
      const value = this.apiKeys[name];
      if (value === undefined || !accepted.has(name)) continue;
      if (scheme.in === "header") request.headers.set(scheme.name, value);
      else if (scheme.in === "cookie") {
        const cookie = `${scheme.name}=${encodeURIComponent(value)}`;
        const existing = request.headers.get("Cookie");
        request.headers.set("Cookie", existing ? `${existing}; ${cookie}` : cookie);
      }
      // Query API keys are added by the generated client as parameters (URLs of Requests are immutable).
    }
  }
}
