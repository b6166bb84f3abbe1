/** Error codes and their HTTP statuses: one table read by the server and the web client. */
export const ERROR_STATUS = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  idempotency_in_flight: 409,
  idempotency_mismatch: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_transition: 422,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorDetail = { path: string; message: string };

/** The one error type the server throws on purpose; the error plugin maps it to `{ error, message, details }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetail[];

  constructor(code: ErrorCode, message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  /** The HTTP status for this error's code. */
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Shorthand for a 404 that never tells whether the id exists in another workspace. */
export function notFound(what: string): AppError {
  return new AppError("not_found", `${what} not found`);
}

/** Shorthand for a 400 naming one field. */
export function invalidField(path: string, message: string): AppError {
  return new AppError("validation_failed", `${path}: ${message}`, [{ path, message }]);
}
