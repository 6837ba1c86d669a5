import { defineConfig } from 'vitest/config'

/**
 * The end-to-end tests that hold real calls (two pages sending video, a TURN relay, processed
 * sound, reconnects within seconds): one at a time, with nothing beside them, as the machine has
 * two cores and their checks measure the media and its timing. `npm test` runs the desk's pages
 * first, two files at a time (they mostly wait for a host to start or a page to draw), then the
 * calls (GREENROOM_E2E_LANE=desk, then calls). Without the variable every file runs, one at a time.
 */
export const CALL_FILES = [
  'tests/e2e/call*.e2e.ts',
  'tests/e2e/guest-page.e2e.ts',
  'tests/e2e/connection-test*.e2e.ts',
  'tests/e2e/hear-yourself.e2e.ts',
  'tests/e2e/background-blur.e2e.ts'
]
const ALL_FILES = ['tests/e2e/**/*.e2e.ts']
const NODE_MODULES = '**/node_modules/**'
const lane = process.env.GREENROOM_E2E_LANE

export default defineConfig({
  // @renderer/… and @shared/… from the tsconfig files' `paths`.
  resolve: { tsconfigPaths: true },
  test: {
    include: lane === 'calls' ? CALL_FILES : ALL_FILES,
    exclude: lane === 'desk' ? [...CALL_FILES, NODE_MODULES] : [NODE_MODULES],
    environment: 'node',
    // Two of the desk's files at once; one call at a time.
    fileParallelism: lane === 'desk',
    maxWorkers: lane === 'desk' ? 2 : 1,
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
