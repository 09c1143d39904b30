import { z } from 'zod';

/** Stable error codes: the renderer branches on these, never on message text. */
export const ERROR_CODES = [
  'auth_missing',
  'auth_expired',
  'scope_denied',
  'credits_exhausted',
  /** A budget the user set to block has reached its limit for this period. */
  'budget_exceeded',
  'rate_limited',
  'network',
  'timeout',
  'provider_error',
  'protocol_error',
  /** The provider finished without any text, reasoning or tool call. */
  'empty_answer',
  'invalid_request',
  'aborted',
  'not_found',
  'keychain_unavailable',
  /** The database file is damaged: nothing new is saved until the user starts a new one. */
  'database_damaged',
  'internal',
] as const;

export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const AppError = z.object({
  code: ErrorCode,
  message: z.string(),
  retryAfterMs: z.number().optional(),
  detail: z
    .object({
      status: z.number().optional(),
      providerMessage: z.string().optional(),
      host: z.string().optional(),
      scope: z.string().optional(),
      field: z.string().optional(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    })
    .optional(),
});
export type AppError = z.infer<typeof AppError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Thrown by services; the registry turns it into `{ ok: false, error }`. */
export class AppFailure extends Error {
  readonly error: AppError;
  constructor(code: ErrorCode, message: string, extra: Omit<AppError, 'code' | 'message'> = {}) {
    super(message);
    this.name = 'AppFailure';
    this.error = { code, message, ...extra };
  }
}

export const isAppFailure = (value: unknown): value is AppFailure => value instanceof AppFailure;
