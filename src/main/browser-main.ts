import { join } from 'node:path'
import { version } from '../../package.json'
import { startBrowserHost } from './browser-host'
import { keepServing, parseCommandLine, parsePort, runCommand, UsageError } from './cli'
import { createCore } from './core'
import { defaultDataDir } from './paths'
import { clockStartingAt, systemClock, type Clock } from '../shared/time-source'

const USAGE =
  'Usage: npm run start:browser -- [--data-dir DIR] [--port N] [--clock-start ISO]\n' +
  '  --port 0 picks a free one; --clock-start makes Greenroom believe it is that time at launch (for tests and demos)'

function parseOptions(): { dataDir: string; port: number; clock: Clock } {
  const values = parseCommandLine(
    { 'data-dir': { type: 'string' }, port: { type: 'string', default: '0' }, 'clock-start': { type: 'string' } },
    USAGE
  )
  const port = parsePort(values.port)
  let clock = systemClock
  if (values['clock-start'] !== undefined) {
    try {
      clock = clockStartingAt(values['clock-start'])
    } catch (error) {
      throw new UsageError(`--clock-start: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  return { dataDir: values['data-dir'] ?? defaultDataDir(), port, clock }
}

async function main(): Promise<void> {
  const { dataDir, port, clock } = parseOptions()
  keepServing('Greenroom')
  const rendererDir = join(__dirname, '../renderer')
  // The app's own call server starts on the first call, long after the host has its port.
  let hostOrigin: string | null = null
  const core = await createCore({
    dataDir,
    mode: 'browser',
    version,
    clock,
    guestPageDir: rendererDir,
    appOrigins: () => (hostOrigin ? [hostOrigin] : []),
    onBackgroundError: (error) => console.error('Greenroom:', error)
  })
  const host = await startBrowserHost({ core, rendererDir, port })
  hostOrigin = new URL(host.url).origin

  console.log('Greenroom is running in browser mode.')
  console.log(`Open ${host.url}`)
  console.log(`Data: ${core.databaseFile}`)
  console.log('Press Ctrl+C to stop.')

  let stopping = false
  const stop = async (): Promise<void> => {
    if (stopping) return
    stopping = true
    await host.close()
    await core.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

runCommand(main, 'Greenroom', USAGE)
