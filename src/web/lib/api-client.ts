import type { Serialized } from "../../shared/contracts/common.js";
import type { ErrorCode, ErrorDetail } from "../../shared/errors.js";
import { ApiError } from "./api-error";

const BASE = "/api/v1";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remembers the session's CSRF token (from login or /auth/me) for later writes. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers what happens when any request answers 401 (the app goes to /login). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export type QueryValue = string | number | boolean | null | undefined | readonly string[];
export type Query = Record<string, QueryValue>;

/** Builds a query string, dropping empty values and joining arrays with commas (the API's csv lists). */
export function toQueryString(query: Query | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(","));
    } else {
      params.set(key, String(value));
    }
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

async function fetchCsrfToken(): Promise<string | null> {
  const res = await fetch(`${BASE}/auth/me`, { credentials: "same-origin", headers: { accept: "application/json" } });
  if (!res.ok) return null;
  const me = (await res.json()) as { csrfToken: string | null };
  csrfToken = me.csrfToken;
  return csrfToken;
}

async function parseError(res: Response): Promise<ApiError> {
  let body: { error?: string; message?: string; details?: ErrorDetail[] } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // Not JSON (a proxy error page): fall back to the status text.
  }
  return new ApiError(res.status, (body.error ?? "internal_error") as ErrorCode, body.message ?? res.statusText ?? `HTTP ${res.status}`, body.details ?? []);
}

type RequestOptions = { query?: Query; body?: unknown; signal?: AbortSignal; skipAuthRedirect?: boolean };

/** Sends one API request; throws ApiError for any non-2xx answer and returns the parsed JSON (undefined for 204). */
export async function apiRequest<T>(method: string, path: string, opts: RequestOptions = {}): Promise<Serialized<T>> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  if (UNSAFE.has(method) && !path.startsWith("/auth/login") && !path.startsWith("/auth/accept-invite")) {
    const token = csrfToken ?? (await fetchCsrfToken());
    if (token) headers["x-csrf-token"] = token;
  }
  let res: Response;
  try {
    res = await fetch(`${BASE}${path}${toQueryString(opts.query)}`, {
      method,
      headers,
      credentials: "same-origin",
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(0, "network_error", "Cannot reach the Tandem server. Check your connection and try again.");
  }
  if (!res.ok) {
    const error = await parseError(res);
    if (res.status === 401 && !opts.skipAuthRedirect) onUnauthenticated?.();
    throw error;
  }
  if (res.status === 204) return undefined as Serialized<T>;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as Serialized<T>;
}

/** Uploads a file as the multipart field `file` (with the session's CSRF token); JSON answer as for other requests. */
export async function apiUpload<T>(path: string, file: File, query?: Query): Promise<Serialized<T>> {
  const token = csrfToken ?? (await fetchCsrfToken());
  const form = new FormData();
  form.append("file", file, file.name);
  let res: Response;
  try {
    res = await fetch(`${BASE}${path}${toQueryString(query)}`, { method: "POST", headers: { accept: "application/json", ...(token ? { "x-csrf-token": token } : {}) }, credentials: "same-origin", body: form });
  } catch {
    throw new ApiError(0, "network_error", "Cannot reach the Tandem server. Check your connection and try again.");
  }
  if (!res.ok) {
    const error = await parseError(res);
    if (res.status === 401) onUnauthenticated?.();
    throw error;
  }
  return (await res.json()) as Serialized<T>;
}

/** The typed API client: one method per HTTP verb, paths relative to /api/v1. */
export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => apiRequest<T>("GET", path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>("POST", path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>("PATCH", path, { body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>("PUT", path, { body }),
  delete: (path: string) => apiRequest<void>("DELETE", path),
};
