import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { instantSchema } from '../../src/shared/instant'
import { idSchema } from '../../src/shared/pipeline'
import { timeZoneSchema } from '../../src/shared/settings'
import { defOf } from './zod-tree'

/** A small seeded generator (mulberry32): the same seed gives the same run. */
export class Random {
  private state: number
  constructor(readonly seed: number) {
    this.state = seed >>> 0
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!
  }
  uuid(): string {
    const hex = () => this.int(0, 15).toString(16)
    const part = (n: number) => Array.from({ length: n }, hex).join('')
    return `${part(8)}-${part(4)}-4${part(3)}-${this.pick(['8', '9', 'a', 'b'])}${part(3)}-${part(12)}`
  }
}

/**
 * valid: what the schema accepts, as far as the generator can tell; boundary: valid, at
 * the edges (longest text, largest numbers, fullest lists, the first and last instant);
 * broken: valid but for some parts made wrong (too long, out of range, wrong type…).
 */
export type Mode = 'valid' | 'boundary' | 'broken'

export interface Generation {
  random: Random
  mode: Mode
  /** A record id seen in earlier answers for a field of this name, so calls reach records that exist; null when none. */
  idFor(field: string | null): string | null
}

const TIME_ZONES = ['Europe/Berlin', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kathmandu', 'UTC']
const TEXT_PIECES = [
  'Maya',
  ' Chen ',
  'Brightloop',
  'React',
  "O'Brien",
  '"quoted"',
  '; DROP TABLE clients; --',
  'naïve café',
  '日本語',
  'مرحبا',
  '🙂',
  '\n',
  '\t',
  '%s',
  '<b>',
  '\\',
  '  '
]
/** Texts some schemas want by their pattern or refinement; tried when random text does not pass. */
const SHAPED_TEXTS = [
  '',
  'https://example.com/portfolio',
  '09:00',
  '17:30',
  'stun:stun.example.com:3478',
  'turn:turn.example.com:3478',
  'aGVsbG8gd29ybGQ=',
  'DELETE',
  'http://127.0.0.1:9',
  'brief.pdf',
  'a-long-admin-secret-0123456789'
]
/** Fields whose text a service checks beyond the schema (a sample file's type, its bytes). */
const FIELD_TEXTS: Record<string, readonly string[]> = {
  fileName: ['brief.pdf', 'shot.png', 'notes.txt', 'setup.exe'],
  dataBase64: ['JVBERi0xLjQKJcfsj6IK', 'aGVsbG8gd29ybGQ=', '']
}
const BROKEN_INSTANTS = [
  '9999-12-31T23:00:00-14:00',
  '0000-01-01T00:00:00+14:00',
  '1969-12-31T23:59:59Z',
  '2200-01-01T00:00:00Z',
  '2026-02-30T10:00:00Z',
  'tomorrow',
  '2026-11-02 10:00',
  ''
]

/** How often a part of a broken input is made wrong. */
const BREAK_CHANCE = 0.2
/** Text and lists longer than this are generated short even at the boundary, to keep a run quick. */
const LONGEST_BOUNDARY_TEXT = 20_000
const LONGEST_BOUNDARY_LIST = 60

function randomText(random: Random, length: number): string {
  let text = ''
  while (text.length < length) text += random.pick(TEXT_PIECES)
  return text.slice(0, length)
}

/** Around the tests' clock (2026-11-02, 09:00 UTC), so that "ends after it starts" or "not in the past" hold as often as not. */
function randomInstant(random: Random): string {
  const at = Date.parse('2026-11-03T12:00:00Z') + random.int(-12 * 4, 12 * 4) * 15 * 60_000
  const offset = random.pick(['Z', '+14:00', '-12:00', '+05:45', '+00:00'])
  if (offset === 'Z') return new Date(at).toISOString()
  // The same instant written with an offset.
  const sign = offset[0] === '+' ? 1 : -1
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)))
  return new Date(at + minutes * 60_000).toISOString().replace('Z', offset)
}

/** A value for `schema`, as `generation` asks. */
export function generate(schema: z.ZodType, generation: Generation, field: string | null = null): unknown {
  const { random, mode } = generation
  const breakHere = mode === 'broken' && random.chance(BREAK_CHANCE)
  const edge = mode === 'boundary'

  if (schema === idSchema) {
    if (breakHere) return random.pick(['not-an-id', '', 42, randomUUID().toUpperCase() + 'x'])
    return (random.chance(0.9) ? generation.idFor(field) : null) ?? random.uuid()
  }
  if (schema === instantSchema) {
    if (breakHere) return random.pick(BROKEN_INSTANTS)
    return edge
      ? random.pick(['1970-01-01T00:00:00Z', '2199-12-31T23:59:59.999Z', '1970-01-01T14:00:00+14:00', randomInstant(random)])
      : randomInstant(random)
  }
  if (schema === timeZoneSchema) return breakHere ? random.pick(['Mars/Olympus', '', 'Europe/Berlin '.repeat(20)]) : random.pick(TIME_ZONES)

  const def = defOf(schema)
  const passes = (value: unknown) => schema.safeParse(value).success
  switch (def.type) {
    case 'string': {
      const { minLength, maxLength } = schema as unknown as { minLength: number | null; maxLength: number | null }
      const min = minLength ?? 0
      const max = maxLength ?? 200
      if (breakHere) {
        return random.pick([
          ...(maxLength !== null && maxLength <= LONGEST_BOUNDARY_TEXT * 2 ? ['x'.repeat(maxLength + 1)] : []),
          ...(min > 0 ? [''] : []),
          42,
          null,
          'not in the right shape'
        ])
      }
      const known = field ? FIELD_TEXTS[field]?.filter(passes) : undefined
      if (known?.length && random.chance(0.8)) return random.pick(known)
      const length = edge ? random.pick([min, Math.min(max, LONGEST_BOUNDARY_TEXT)]) : random.int(min, Math.min(max, min + 40))
      const text = randomText(random, length).padEnd(min, 'x')
      if (passes(text)) return text
      const shaped = SHAPED_TEXTS.filter(passes)
      return shaped.length > 0 ? random.pick(shaped) : text
    }
    case 'number': {
      const { minValue, maxValue, isInt } = schema as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean }
      const min = minValue ?? -1000
      const max = maxValue ?? 1000
      if (breakHere) return random.pick([max + 1, min - 1, ...(isInt ? [min + 0.5] : []), Infinity, '5', null])
      if (edge) return random.pick([min, max])
      const value = isInt
        ? random.int(Math.ceil(min), Math.floor(Math.min(max, min + 1000)))
        : min + random.next() * (Math.min(max, min + 1000) - min)
      return value
    }
    case 'boolean':
      return breakHere ? 'yes' : random.chance(0.5)
    case 'enum':
      return breakHere ? 'not-an-option' : random.pick(Object.values(def.entries as Record<string, string>))
    case 'literal':
      return breakHere ? 'something-else' : random.pick(def.values as unknown[])
    case 'null':
      return breakHere ? 0 : null
    case 'void':
    case 'undefined':
      return breakHere ? { unexpected: true } : undefined
    case 'optional':
      return !breakHere && random.chance(0.3) ? undefined : generate(def.innerType as z.ZodType, generation, field)
    case 'default':
    case 'prefault':
      return random.chance(0.3) ? undefined : generate(def.innerType as z.ZodType, generation, field)
    case 'nullable':
      return random.chance(0.25) ? null : generate(def.innerType as z.ZodType, generation, field)
    case 'pipe':
      return generate(def.in as z.ZodType, generation, field)
    case 'lazy':
      return generate((def.getter as () => z.ZodType)(), generation, field)
    case 'union': {
      if (breakHere) return { none: 'of the options' }
      const options = def.options as z.ZodType[]
      return generate(random.pick(options), generation, field)
    }
    case 'object': {
      if (breakHere && random.chance(0.3)) return random.pick([null, [], 'an object'])
      const shape = def.shape as Record<string, z.ZodType>
      const value: Record<string, unknown> = {}
      for (const [key, inner] of Object.entries(shape)) {
        const generated = generate(inner, generation, key)
        if (generated !== undefined) value[key] = generated
      }
      if (breakHere) {
        const keys = Object.keys(value)
        if (keys.length > 0 && random.chance(0.5)) delete value[random.pick(keys)]
        else value.unexpected = 'extra'
      }
      return value
    }
    case 'array': {
      const element = def.element as z.ZodType
      const checks = ((def.checks ?? []) as { _zod: { def: { check: string; minimum?: number; maximum?: number } } }[]).map(
        (check) => check._zod.def
      )
      const min = checks.find((check) => check.check === 'min_length')?.minimum ?? 0
      const max = checks.find((check) => check.check === 'max_length')?.maximum ?? 5
      if (breakHere) {
        if (max < LONGEST_BOUNDARY_LIST && random.chance(0.5))
          return Array.from({ length: max + 1 }, () => generate(element, { ...generation, mode: 'valid' }, field))
        return random.pick(['a list', { 0: 'x' }, ...(min > 0 ? [[]] : [])])
      }
      const length = edge ? random.pick([min, Math.min(max, LONGEST_BOUNDARY_LIST)]) : random.int(min, Math.min(max, min + 4))
      return Array.from({ length }, () => generate(element, generation, field))
    }
    case 'record':
      return breakHere ? 'a record' : {}
    default:
      throw new Error(`The generator does not know ${def.type} schemas yet`)
  }
}

/** What kind of record a field names: `interviewId` and `interview_id` → interview, `notes` → note. */
export function kindOf(field: string): string {
  return field
    .replace(/(Id|_id|Ids)$/, '')
    .replace(/s$/, '')
    .toLowerCase()
}

/**
 * Every record id (a uuid) anywhere in a value, by the kind of record it belongs to: a
 * field's own name (`clientId`), or for `id` the name it sits under (`interview.id`);
 * `rootKind` names the value itself.
 */
export function idsIn(value: unknown, rootKind: string, into: Map<string, Set<string>>): void {
  const add = (kind: string, id: string) => {
    if (!into.has(kind)) into.set(kind, new Set())
    into.get(kind)!.add(id)
  }
  const walk = (item: unknown, kind: string): void => {
    if (typeof item === 'string') {
      if (idSchema.safeParse(item).success) add(kind, item)
    } else if (Array.isArray(item)) {
      for (const entry of item) walk(entry, kind)
    } else if (item && typeof item === 'object') {
      for (const [key, entry] of Object.entries(item)) walk(entry, key === 'id' ? kind : kindOf(key))
    }
  }
  walk(value, rootKind)
}
