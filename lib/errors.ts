import type { z } from "zod";

/**
 * Typed errors with codes ("forbidden:article"), mapped to HTTP status in one
 * place. Messages are written for the person who will read them; database
 * details are logged, never shown. Actions turn them into one FormState<T>
 * (toFormState), route handlers into one JSON shape (AppError#toResponse).
 */
export type ErrorType =
  "bad_request" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "gone" | "too_large" | "rate_limited" | "internal";
export type ErrorSurface = "article" | "user" | "auth" | "list" | "media" | "request" | "preview" | "scheduler" | "server" | "subscriber";
export type ErrorCode = `${ErrorType}:${ErrorSurface}`;

const STATUS: Record<ErrorType, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  rate_limited: 429,
  internal: 500,
};

/** Field name -> what is wrong with it, the one shape every validation error takes. */
export type FieldErrors = Record<string, string>;

export type ErrorDetails = { fields?: FieldErrors; retryAfterSeconds?: number } & Record<string, unknown>;

const UNKNOWN_MESSAGE = "Something went wrong on our side. Nothing was changed; please try again.";

export class AppError extends Error {
  readonly type: ErrorType;
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = "AppError";
    this.type = code.split(":")[0] as ErrorType;
    this.status = STATUS[this.type];
  }

  /** Anything thrown, as an AppError: unknown errors are logged here and hidden behind a 500. */
  static from(error: unknown): AppError {
    if (error instanceof AppError) return error;
    console.error(error);
    return new AppError("internal:server", UNKNOWN_MESSAGE);
  }

  /** A zod failure, described field by field (strict schemas name each refused key). */
  static invalid(surface: ErrorSurface, error: z.ZodError): AppError {
    const { message, fields } = describeIssues(error);
    return new AppError(`bad_request:${surface}`, message, { fields });
  }

  get fields(): FieldErrors | undefined {
    return this.details.fields;
  }

  /** The one JSON shape route handlers answer with: `{ error: { code, message, fields? } }`. */
  toResponse(headers: HeadersInit = {}): Response {
    const all = new Headers(headers);
    if (this.details.retryAfterSeconds !== undefined) all.set("Retry-After", String(this.details.retryAfterSeconds));
    const body = { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
    return Response.json(body, { status: this.status, headers: all });
  }
}

export function statusOf(code: ErrorCode): number {
  return STATUS[code.split(":")[0] as ErrorType];
}

/** Field-by-field messages from a zod error; unknown keys are named one by one. */
export function describeIssues(error: z.ZodError): { message: string; fields: FieldErrors } {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || (issue.code === "unrecognized_keys" ? issue.keys.join(", ") : "input");
    if (issue.code === "unrecognized_keys") {
      for (const k of issue.keys) fields[k] = `“${k}” cannot be set here`;
    } else {
      fields[key] ??= issue.message;
    }
  }
  const message = Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join("; ");
  return { message, fields };
}

/**
 * What every server action returns, to a form (useActionState) or to a client
 * call such as autosave. `ok: false` with `message: null` is the untouched form.
 */
export type FormState<T = undefined> =
  | { ok: true; message: string | null; data: T }
  | { ok: false; message: string | null; code?: ErrorCode; status?: number; fields?: FieldErrors; details?: ErrorDetails };

export const INITIAL_FORM_STATE: FormState<never> = { ok: false, message: null };

export function formSuccess<T = undefined>(message: string | null, data?: T): FormState<T> {
  return { ok: true, message, data: data as T };
}

export function toFormState(error: unknown): FormState<never> {
  const e = AppError.from(error);
  // `fields` is a copy, not the object inside `details`: useActionState posts the state back as the next
  // call's first argument, React encodes a repeated object as a "$0:…" back-reference, and proxy.ts's
  // action-argument check (lib/http/flight-reply.ts) refuses that request with a 400.
  return { ok: false, message: e.message, code: e.code, status: e.status, fields: e.fields && { ...e.fields }, details: e.details };
}
