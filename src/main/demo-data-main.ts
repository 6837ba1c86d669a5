import { parseArgs } from 'node:util'
import { version } from '../../package.json'
import { createCore } from './core'
import { defaultDataDir } from './paths'

/** `npm run demo-data -- [--data-dir DIR]`: fills an empty database with a realistic sample. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } })
  const core = await createCore({ dataDir: values['data-dir'] ?? defaultDataDir(), mode: 'browser', version })
  try {
    const summary = await core.demoData.load()
    console.log(
      `Demo data loaded into ${core.databaseFile}: ${summary.clients} clients, ${summary.invitations} invitations, ${summary.interviews} interviews, ${summary.notes} notes.`
    )
  } finally {
    await core.close()
  }
}

main().catch((error: unknown) => {
  console.error(`No demo data loaded: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
