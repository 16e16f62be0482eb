/**
 * TanStack Query helpers over the typed client (`@contractfirst/projectmgmt-client/query`): query keys,
 * `queryOptions`, `infiniteQueryOptions` over the cursor pagination and `mutationOptions` that invalidate
 * what a write changed. Hand-written and generic over the generated client: every type comes from the
 * client's own method signatures, so nothing here is generated.
 *
 * `@tanstack/query-core` is an optional peer dependency: this module imports only its *types* (erased when
 * compiled), so it works with `@tanstack/react-query`, `vue-query`, `solid-query`... and the main entry
 * point never loads TanStack at all.
 *
 * Keys are `[prefix, tag, operation, pathParams, query]`, e.g.
 * `["projectmgmt", "tasks", "list", { project_id: 12 }, { page_size: 20 }]` (an infinite query appends
 * `"infinite"`). TanStack matches keys by prefix and objects partially, so `["projectmgmt", "tasks"]` is every
 * task query and `["projectmgmt", "tasks", "list", { project_id: 12 }]` every task list of project 12.
 *
 * A successful write of tag T with path parameters W invalidates every query of tag T whose path parameters
 * are a subset of W with the same values: `tasks.update` of task 301 in project 12 invalidates that
 * project's task lists and task 301's detail, not task 302 nor another project's lists; `tasks.create` in
 * project 12 invalidates its lists only.
 */
import type {
  DataTag,
  InfiniteData,
  MutationFunctionContext,
  QueryClient,
  QueryFilters,
  QueryFunctionContext,
  QueryKey,
} from "@tanstack/query-core";

import type { CallOptions } from "./runtime.js";

/* ------------------------------------------------------------------------------------------------------------
 * types, derived from the client's methods
 * ---------------------------------------------------------------------------------------------------------- */

type AnyOperation = (...init: any[]) => Promise<unknown>;

/** The tag groups of a client: its properties that have a `withResponse` twin (`tasks`, `projects`...). */
export type TagsOf<C> = {
  [K in keyof C & string]: C[K] extends { withResponse: object } ? K : never;
}[keyof C & string];

/** The operations of a tag group: its methods that resolve to a body (not `withResponse`, not the `...Iter`s). */
export type OperationsOf<Api> = {
  [K in keyof Api & string]: Api[K] extends AnyOperation ? K : never;
}[keyof Api & string];

/** The resolved body of an operation. */
export type DataOf<F extends AnyOperation> = Awaited<ReturnType<F>>;

/** The init object of an operation (`undefined` allowed when nothing in it is required). */
export type VariablesOf<F extends AnyOperation> = Parameters<F>[0];

/** The key of one call: `[prefix, tag, operation, pathParams, query]`. */
export type OperationKey = readonly [string, string, string, Record<string, unknown>, Record<string, unknown>];

/** The key of an infinite query: the operation's key and `"infinite"`. */
export type InfiniteOperationKey = readonly [...OperationKey, "infinite"];

/** A page the helpers can follow: a `next` link (absolute URL or path, `null` on the last page). */
export interface CursorPage {
  next?: string | null;
}

/** The page parameter of an infinite query: the `cursor` of the page, `null` for the first. */
export type PageParam = string | null;

/** What `queryOptions` returns: spread it into `useQuery`, `fetchQuery`, `new QueryObserver`... */
export interface OperationQueryOptions<TData> {
  queryKey: DataTag<OperationKey, TData, Error>;
  queryFn: (context: QueryFunctionContext<QueryKey>) => Promise<TData>;
}

/** What `infiniteQueryOptions` returns: spread it into `useInfiniteQuery`, `fetchInfiniteQuery`... */
export interface OperationInfiniteQueryOptions<TData extends CursorPage> {
  queryKey: DataTag<InfiniteOperationKey, InfiniteData<TData, PageParam>, Error>;
  queryFn: (context: QueryFunctionContext<QueryKey, PageParam>) => Promise<TData>;
  initialPageParam: PageParam;
  getNextPageParam: (lastPage: TData) => PageParam | undefined;
}

/** Options of `mutationOptions`. */
export interface MutationHelperOptions<F extends AnyOperation> {
  /**
   * The client to invalidate in. Defaults to the mutation's own (`context.client`, TanStack Query 5.80+);
   * pass it with older versions.
   */
  queryClient?: QueryClient;
  /** More keys to invalidate after a success (e.g. another tag's queries the write affects). */
  invalidates?: (data: DataOf<F>, variables: VariablesOf<F>) => readonly QueryKey[];
  /** `false`: invalidate nothing (update the cache yourself). */
  invalidate?: boolean;
}

/** What `mutationOptions` returns: spread it into `useMutation` or `new MutationObserver`. */
export interface OperationMutationOptions<F extends AnyOperation> {
  mutationKey: readonly [string, string, string];
  mutationFn: (variables: VariablesOf<F>) => Promise<DataOf<F>>;
  onSuccess: (
    data: DataOf<F>,
    variables: VariablesOf<F>,
    onMutateResult: unknown,
    context?: MutationFunctionContext,
  ) => Promise<void>;
}

/** The helpers of one operation. */
export interface OperationHelpers<F extends AnyOperation> {
  /** The query key of this call (tagged with its data type, for `getQueryData` / `setQueryData`). */
  queryKey(...init: Parameters<F>): DataTag<OperationKey, DataOf<F>, Error>;
  /** `{ queryKey, queryFn }` for this call; TanStack's `AbortSignal` is passed to the request. */
  queryOptions(...init: Parameters<F>): OperationQueryOptions<DataOf<F>>;
  /**
   * For list operations (a page with `next`): `{ queryKey, queryFn, initialPageParam, getNextPageParam }`,
   * each page fetched with the `cursor` of the previous page's `next` link.
   */
  infiniteQueryOptions: DataOf<F> extends CursorPage
    ? "next" extends keyof DataOf<F>
      ? (...init: Parameters<F>) => OperationInfiniteQueryOptions<DataOf<F>>
      : never
    : never;
  /** `{ mutationKey, mutationFn, onSuccess }`: calls the operation with the mutation's variables, then invalidates. */
  mutationOptions(options?: MutationHelperOptions<F>): OperationMutationOptions<F>;
}

/** The helpers of a client: `helpers.tasks.list.queryOptions(...)`, plus `key` and `affectedBy`. */
export type QueryHelpers<C> = {
  [T in TagsOf<C>]: { [O in OperationsOf<C[T]>]: C[T][O] extends AnyOperation ? OperationHelpers<C[T][O]> : never };
} & {
  /** The key prefix (`"projectmgmt"` unless `createQueryHelpers` was given another). */
  readonly prefix: string;
  /** A key to invalidate or read by: `key("tasks")`, `key("tasks", "list", { project_id: 12 })`. */
  key(tag?: TagsOf<C>, operation?: string, path?: Record<string, unknown>): QueryKey;
  /** The filters `mutationOptions` invalidates with after a write of `tag` at these path parameters. */
  affectedBy(tag: TagsOf<C>, path: Record<string, unknown>): QueryFilters;
};

/* ------------------------------------------------------------------------------------------------------------
 * runtime
 * ---------------------------------------------------------------------------------------------------------- */

type Init = CallOptions & { params?: { path?: Record<string, unknown>; query?: Record<string, unknown> } } & Record<string, unknown>;

function defined(values: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values ?? {})) if (value !== undefined) out[name] = value;
  return out;
}

/** The key of a call of `tag.operation` with `init`. */
export function operationKey(prefix: string, tag: string, operation: string, init: unknown): OperationKey {
  const params = (init as Init | undefined)?.params;
  return [prefix, tag, operation, defined(params?.path), defined(params?.query)];
}

/** The `cursor` query parameter of a `next` link (absolute URL or path); `undefined` when there is none. */
export function cursorOf(next: string | null | undefined): string | undefined {
  if (typeof next !== "string" || next === "") return undefined;
  return new URL(next, "http://relative.invalid").searchParams.get("cursor") ?? undefined;
}

/**
 * Filters matching the queries a write of `tag` at `path` may have changed: the tag's queries whose path
 * parameters are all in `path`, with the same values.
 */
export function affectedBy(prefix: string, tag: string, path: Record<string, unknown>): QueryFilters {
  return {
    queryKey: [prefix, tag],
    predicate: (query) => {
      const own = query.queryKey[3];
      if (own === null || typeof own !== "object") return false;
      return Object.entries(own as Record<string, unknown>).every(
        ([name, value]) => name in path && String(path[name]) === String(value),
      );
    },
  };
}

function withSignal(init: unknown, signal: AbortSignal): Init {
  return { ...((init ?? {}) as Init), signal };
}

function withCursor(init: unknown, cursor: PageParam, signal: AbortSignal): Init {
  const base = withSignal(init, signal);
  if (cursor === null) return base;
  const params = base.params ?? {};
  return { ...base, params: { ...params, query: { ...(params.query ?? {}), cursor } } };
}

function operationHelpers(prefix: string, tag: string, name: string, call: AnyOperation): OperationHelpers<AnyOperation> {
  const queryKey = (...init: unknown[]) => operationKey(prefix, tag, name, init[0]) as DataTag<OperationKey, unknown, Error>;
  return {
    queryKey,
    queryOptions: (...init: unknown[]) => ({
      queryKey: queryKey(...init),
      queryFn: ({ signal }) => call(withSignal(init[0], signal)),
    }),
    infiniteQueryOptions: (...init: unknown[]) => ({
      queryKey: [...operationKey(prefix, tag, name, init[0]), "infinite"] as unknown as DataTag<
        InfiniteOperationKey,
        InfiniteData<CursorPage, PageParam>,
        Error
      >,
      queryFn: ({ signal, pageParam }: { signal: AbortSignal; pageParam: PageParam }) =>
        call(withCursor(init[0], pageParam, signal)) as Promise<CursorPage>,
      initialPageParam: null,
      getNextPageParam: (lastPage: CursorPage) => cursorOf(lastPage?.next),
    }),
    mutationOptions: (options: MutationHelperOptions<AnyOperation> = {}) => ({
      mutationKey: [prefix, tag, name] as const,
      mutationFn: (variables: unknown) => call(variables),
      onSuccess: async (data: unknown, variables: unknown, _onMutateResult: unknown, context?: MutationFunctionContext) => {
        if (options.invalidate === false) return;
        const client = options.queryClient ?? context?.client;
        if (client === undefined) {
          throw new Error("mutationOptions: pass { queryClient } (TanStack Query before 5.80 gives mutations no client)");
        }
        const path = (variables as Init | undefined)?.params?.path ?? {};
        await Promise.all([
          client.invalidateQueries(affectedBy(prefix, tag, path)),
          ...(options.invalidates?.(data, variables) ?? []).map((key) => client.invalidateQueries({ queryKey: key })),
        ]);
      },
    }),
  } as OperationHelpers<AnyOperation>;
}

/**
 * TanStack Query helpers for every operation of `client`:
 * `createQueryHelpers(client).tasks.list.queryOptions({ params: { path: { project_id: 12 } } })`.
 */
export function createQueryHelpers<C extends object>(client: C, options: { prefix?: string } = {}): QueryHelpers<C> {
  const prefix = options.prefix ?? "projectmgmt";
  const helpers: Record<string, unknown> = {
    prefix,
    key: (tag?: string, operation?: string, path?: Record<string, unknown>): QueryKey =>
      [prefix, tag, operation, path].filter((part) => part !== undefined),
    affectedBy: (tag: string, path: Record<string, unknown>) => affectedBy(prefix, tag, path),
  };
  for (const [tag, api] of Object.entries(client)) {
    if (api === null || typeof api !== "object" || !("withResponse" in api)) continue;
    const operations: Record<string, OperationHelpers<AnyOperation>> = {};
    for (let proto = Object.getPrototypeOf(api) as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
      for (const name of Object.getOwnPropertyNames(proto)) {
        const method = (api as Record<string, unknown>)[name];
        if (name === "constructor" || name.endsWith("Iter") || typeof method !== "function" || name in operations) continue;
        operations[name] = operationHelpers(prefix, tag, name, (method as AnyOperation).bind(api));
      }
    }
    helpers[tag] = operations;
  }
  return helpers as QueryHelpers<C>;
}
