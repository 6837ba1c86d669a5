import { defineConfig } from 'vitest/config'

export default defineConfig({
  // @renderer/… and @shared/… from the tsconfig files' `paths`.
  resolve: { tsconfigPaths: true },
  test: {
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 15_000
  }
})
