import { describe, expect, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import { bindSlice, type Handlers, type SliceHandlers } from '../../../src/main/handlers/types'
import { createSettingsHandlers } from '../../../src/main/handlers/settings'
import { settingsContract } from '../../../src/shared/contract/settings'
import { methodNames, type MethodName } from '../../../src/shared/contract'
import { useCore } from '../../support/core'

const slice = {
  getThing: { input: z.strictObject({ id: z.string() }), output: z.number() },
  dropThing: { changes: true, input: z.void(), output: z.null() }
} as const

// `npm run typecheck` compiles this file: each @ts-expect-error fails the build if its line stops being an error.
// The wrong maps sit in functions never called: bound, they would throw (see the last test but one).
export const complete = bindSlice(slice, { getThing: ({ id }) => id.length, dropThing: () => null })
// @ts-expect-error a call of the slice without a handler
export const missing = () => bindSlice(slice, { getThing: ({ id }) => id.length })
// @ts-expect-error a handler for a call the slice does not have
export const extra = () => bindSlice(slice, { getThing: ({ id }) => id.length, dropThing: () => null, renameThing: () => null })
// @ts-expect-error a result that is not the call's output
export const wrongResult = () => bindSlice(slice, { getThing: ({ id }) => id, dropThing: () => null })

const start = useCore()

describe('handlers typed from their contract slice', () => {
  it('take each call’s parsed input and give its output', () => {
    expectTypeOf(complete.getThing).parameter(0).toEqualTypeOf<{ id: string }>()
    expectTypeOf(createSettingsHandlers).returns.toEqualTypeOf<SliceHandlers<typeof settingsContract>>()
    expectTypeOf<Exclude<keyof Handlers, symbol>>().toEqualTypeOf<MethodName>()
  })

  it('refuse, when bound, a map the type checker was talked out of', () => {
    expect(() => bindSlice(slice, { getThing: () => 1 } as never)).toThrow('missing dropThing; extra none')
    expect(() => bindSlice(slice, { getThing: () => 1, dropThing: () => null, renameThing: () => null } as never)).toThrow(
      'missing none; extra renameThing'
    )
  })

  it('join into a core with exactly one handler per call of the contract', async () => {
    const { core } = await start()
    const bound = Object.keys(core.handlers)
    expect([...bound].sort()).toEqual([...methodNames].sort())
  })
})
