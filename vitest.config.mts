import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/grammar/**/*.test.ts', 'test/server/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/differential/**/*.test.ts', 'test/e2e/**/*.test.ts'],
    testTimeout: 20000,
    hookTimeout: 120000,
    pool: 'forks',
  },
});
