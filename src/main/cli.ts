import { parseArgs, type ParseArgsConfig } from 'node:util'

/** A mistake in the command line: printed with the usage text. */
export class UsageError extends Error {}

/** Parses the command line, printing `usage` and exiting on --help; mistakes become UsageErrors. */
export function parseCommandLine<T extends NonNullable<ParseArgsConfig['options']>>(options: T, usage: string) {
  let values
  try {
    values = parseArgs({ options: { ...options, help: { type: 'boolean', default: false } }, strict: true }).values
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  if ((values as { help?: boolean }).help) {
    console.log(usage)
    process.exit(0)
  }
  return values as ReturnType<typeof parseArgs<{ options: T; strict: true }>>['values']
}

/** A TCP port from the command line; 0 asks the system for a free one. */
export function parsePort(text: string | undefined): number {
  const port = Number(text)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, not "${text}"`)
  }
  return port
}

/** Runs a command's main, printing why it could not start (and the usage, for command-line mistakes). */
export function runCommand(main: () => Promise<void>, what: string, usage: string): void {
  main().catch((error: unknown) => {
    console.error(`${what} could not start: ${error instanceof Error ? error.message : String(error)}`)
    if (error instanceof UsageError) console.error(usage)
    process.exit(1)
  })
}

/** The part of `process` that keepServing listens on. */
export interface ProcessEvents {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown
}

/**
 * For a server process: an error that escapes every handler is logged and the process goes
 * on serving everyone else, instead of ending for all because of one bad request.
 */
export function keepServing(what: string, target: ProcessEvents = process, log: (...parts: unknown[]) => void = console.error): void {
  target.on('uncaughtException', (error) => log(`${what}: an unexpected error (still running):`, error))
  target.on('unhandledRejection', (reason) => log(`${what}: an unexpected error (still running):`, reason))
}
