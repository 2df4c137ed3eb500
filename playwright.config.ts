import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real panel in Debian's Chromium against the
 * headless serve mode (the Electron binary is not needed).
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-output/playwright',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list'], ['json']],
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    timezoneId: 'Asia/Tokyo',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
