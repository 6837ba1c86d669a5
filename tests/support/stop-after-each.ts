import { afterEach } from 'vitest'

export interface Stoppable {
  stop(): Promise<void>
}

/** Whatever a test starts (a TURN server, a relay, a proxy) is stopped after it, the last started first. */
export function useStopAfterEach(): <T extends Stoppable>(thing: T) => T {
  const started: Stoppable[] = []
  afterEach(async () => {
    for (const thing of started.splice(0).reverse()) await thing.stop()
  })
  return (thing) => {
    started.push(thing)
    return thing
  }
}
