import { defineConfig } from 'vitest/config'

/**
 * The end-to-end tests that hold real calls (two pages sending video, a TURN relay, processed
 * sound): one at a time, as the machine has two cores and their checks measure the media.
 * `npm test` runs them as one lane and the desk's pages as a second lane beside it
 * (GREENROOM_E2E_LANE=calls or desk), then the calls whose checks are timings (a reconnect
 * within seconds, a weak link noticed in three readings) alone, with the machine to themselves
 * (GREENROOM_E2E_LANE=timing). Without the variable every file runs, one at a time.
 */
export const CALL_FILES = [
  'tests/e2e/call*.e2e.ts',
  'tests/e2e/guest-page.e2e.ts',
  'tests/e2e/connection-test*.e2e.ts',
  'tests/e2e/hear-yourself.e2e.ts',
  'tests/e2e/background-blur.e2e.ts'
]
export const TIMING_FILES = ['tests/e2e/call-reconnect.e2e.ts', 'tests/e2e/call-continuity.e2e.ts', 'tests/e2e/call-weak-connection.e2e.ts']
const ALL_FILES = ['tests/e2e/**/*.e2e.ts']
const NODE_MODULES = '**/node_modules/**'
const lane = process.env.GREENROOM_E2E_LANE

export default defineConfig({
  // @renderer/… and @shared/… from the tsconfig files' `paths`.
  resolve: { tsconfigPaths: true },
  test: {
    include: lane === 'calls' ? CALL_FILES : lane === 'timing' ? TIMING_FILES : ALL_FILES,
    exclude: lane === 'desk' ? [...CALL_FILES, NODE_MODULES] : lane === 'calls' ? [...TIMING_FILES, NODE_MODULES] : [NODE_MODULES],
    environment: 'node',
    // One Chromium at a time in each lane.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
