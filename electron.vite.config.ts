import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The headless office mode is built beside the Electron entry so both
        // run the same compiled core; serve.js never imports electron.
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          serve: resolve(__dirname, 'src/serve/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': bundle the rest.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
      },
    },
    plugins: [
      react(),
      {
        // The dev server injects inline scripts the strict meta policy would
        // block; in dev the main process sends the policy as a header instead.
        name: 'lockstep-dev-csp',
        apply: 'serve',
        transformIndexHtml: (html: string) =>
          html.replace(
            /<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i,
            '',
          ),
      },
    ],
  },
});
