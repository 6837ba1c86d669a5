import { z } from 'zod'

export const errorCodeSchema = z.enum([
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHORIZED',
  'INTERNAL'
])
export type ErrorCode = z.infer<typeof errorCodeSchema>

export const apiErrorSchema = z.object({ code: errorCodeSchema, message: z.string() })
export type ApiErrorShape = z.infer<typeof apiErrorSchema>

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
