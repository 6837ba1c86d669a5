// No zod here: browser mode's bridge loads this before the page, and should not wait for a validation library.
export type ErrorCode = 'INVALID_INPUT' | 'UNKNOWN_METHOD' | 'NOT_FOUND' | 'CONFLICT' | 'UNAUTHORIZED' | 'INTERNAL'

export type ApiErrorShape = { code: ErrorCode; message: string }

/** What every call returns on the wire: errors travel as data, never as thrown objects. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape }

/** Thrown by services for failures the user can act on; anything else maps to INTERNAL. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** Thrown in the renderer when a call comes back with an error envelope. */
export class GreenroomError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'GreenroomError'
  }
}
