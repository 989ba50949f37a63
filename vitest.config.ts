import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One embedded Postgres, one Astro build, one Chromium at a time: the machines have 2 cores.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    globalSetup: ['tests/helpers/globalSetup.ts'],
    reporters: ['default'],
  },
})
