/**
 * Typed errors with codes ("forbidden:article"), mapped to HTTP status in one
 * place. Messages are written for the person who will read them; database
 * details are logged, never shown.
 */
export type ErrorType = "bad_request" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "rate_limited";
export type ErrorSurface = "article" | "user" | "auth" | "list" | "media" | "request" | "preview";
export type ErrorCode = `${ErrorType}:${ErrorSurface}`;

const STATUS: Record<ErrorType, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

export class AppError extends Error {
  readonly type: ErrorType;
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "AppError";
    this.type = code.split(":")[0] as ErrorType;
    this.status = STATUS[this.type];
  }
}

export function statusOf(code: ErrorCode): number {
  return STATUS[code.split(":")[0] as ErrorType];
}

export type ActionError = { code: ErrorCode; message: string; status: number; details?: Record<string, unknown> };
export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; error: ActionError };

/** Turns anything thrown by server/ into what an action returns; unknown errors are logged and hidden. */
export function toActionError(error: unknown): ActionError {
  if (error instanceof AppError) {
    return { code: error.code, message: error.message, status: error.status, details: error.details };
  }
  console.error(error);
  return {
    code: "bad_request:request",
    message: "Something went wrong on our side. Nothing was changed; please try again.",
    status: 500,
  };
}
