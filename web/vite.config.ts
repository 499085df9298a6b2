// Vite build of the web app: web/src → web/dist, served by src/server/app.ts.
// No React plugin: esbuild compiles TSX with the automatic runtime. No inline scripts or
// styles are emitted (the server's CSP forbids them).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    // Each page is its own chunk (web/src/routes.ts). The small modules pages share (format,
    // SourceLink, Highlight…, under 5 KB each) are merged into other chunks rather than sent as
    // files of their own: a page waits for one or two files, not four or five.
    rollupOptions: { output: { experimentalMinChunkSize: 5000 } },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:4780' } },
});
