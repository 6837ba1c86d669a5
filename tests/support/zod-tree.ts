import type { z } from 'zod'

/** A zod 4 schema as its definition shows it (the parts the tests read). */
export interface SchemaDef {
  type: string
  [key: string]: unknown
}
export const defOf = (schema: z.ZodType): SchemaDef => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def

/**
 * The schemas under `schema` that see the raw input, each with where it sits: a pipe's
 * input side only (its output side sees what the input side made), a lazy one once.
 */
export function eachRawSchema(
  schema: z.ZodType,
  visit: (schema: z.ZodType, path: string) => void,
  path = '',
  seen = new Set<z.ZodType>()
): void {
  if (seen.has(schema)) return
  seen.add(schema)
  visit(schema, path)
  const def = defOf(schema)
  const child = (inner: unknown, at: string) => eachRawSchema(inner as z.ZodType, visit, at, seen)
  switch (def.type) {
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>)) child(value, `${path}.${key}`)
      if (def.catchall && defOf(def.catchall as z.ZodType).type !== 'never') child(def.catchall, `${path}.*`)
      break
    case 'array':
      child(def.element, `${path}[]`)
      break
    case 'union':
      ;(def.options as z.ZodType[]).forEach((option, index) => child(option, `${path}|${index}`))
      break
    case 'intersection':
      child(def.left, path)
      child(def.right, path)
      break
    case 'record':
      child(def.keyType, `${path}{key}`)
      child(def.valueType, `${path}{}`)
      break
    case 'tuple':
      ;(def.items as z.ZodType[]).forEach((item, index) => child(item, `${path}[${index}]`))
      break
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      child(def.innerType, path)
      break
    case 'pipe':
      child(def.in, path)
      break
    case 'lazy':
      child((def.getter as () => z.ZodType)(), path)
      break
  }
}
