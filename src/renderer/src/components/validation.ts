import type { z } from 'zod'

export type FieldErrors = Partial<Record<string, string>>

/** Checks a draft against a contract schema; errors keyed by dotted path, first message per field. */
export function fieldErrors(schema: z.ZodType, draft: unknown): FieldErrors {
  const result = schema.safeParse(draft)
  if (result.success) return {}
  const errors: FieldErrors = {}
  for (const issue of result.error.issues) errors[issue.path.join('.')] ??= issue.message
  return errors
}

/** Errors under one prefix ("job.title" → "title"), for a sub-form. */
export function errorsUnder(errors: FieldErrors, prefix: string): Record<string, string> {
  const nested: Record<string, string> = {}
  for (const [path, message] of Object.entries(errors)) {
    if (message && path.startsWith(`${prefix}.`)) nested[path.slice(prefix.length + 1)] = message
  }
  return nested
}
