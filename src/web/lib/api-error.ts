import type { ErrorCode, ErrorDetail } from "../../shared/errors.js";

/** An error response from the API: the code from `src/shared/errors.ts`, its message and field details. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | "network_error";
  readonly details: ErrorDetail[];

  constructor(status: number, code: ErrorCode | "network_error", message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field errors keyed by form field: `body.email` → `email`, `body.contacts.2.email` → `contacts.2.email`. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.details) {
      const key = d.path.replace(/^(body|query|params)\./, "");
      if (!(key in out)) out[key] = d.message;
    }
    return out;
  }
}

/** Whether an unknown thrown value is an ApiError with one of the given codes. */
export function isApiError(err: unknown, ...codes: ApiError["code"][]): err is ApiError {
  return err instanceof ApiError && (codes.length === 0 || codes.includes(err.code));
}

/** A human message for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === "forbidden") return `You don't have permission for this: ${err.message}`;
    return err.message;
  }
  if (err instanceof Error) return err.message;
  return "Something went wrong";
}
