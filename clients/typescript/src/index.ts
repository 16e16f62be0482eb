// Scaffolded once by `contract generate` (never overwritten): the package's public surface.
export * from "./generated/client.js";
export type { components, operations, paths } from "./generated/schema.js";
export {
  ApiCore,
  ApiError,
  TimeoutError,
  parseRetryAfter,
  type CallOptions,
  type ClientOptions,
  type OperationData,
  type OperationInit,
  type PageItem,
  type ProblemDetails,
  type RetryEvent,
  type RetryOptions,
} from "./runtime.js";
export { WebhookVerificationError, sign as signWebhook, verifySignature, type VerifyOptions, type WebhookHeaders } from "./webhooks.js";
