import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests with in-memory fakes, and integration tests on real parts
// (SQLite files, HTTP and WebSocket servers on 127.0.0.1 with OS-chosen ports).
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'node' },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
