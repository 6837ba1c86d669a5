import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    // One Chromium at a time: the machine has two cores and the tests drive real media.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
