import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

/**
 * The web app builds to static files the gateway serves at `/`. In development `vite` proxies the API
 * to a gateway on port 3000, so the session cookie stays same-origin as in production.
 */
export default defineConfig({
  // Gzip and Brotli copies beside each file: the gateway sends them to browsers that accept them, so a
  // phone on a slow connection downloads the compressed size without the server compressing per request.
  plugins: [react(), compression({ algorithms: ['gzip', 'brotliCompress'], threshold: 1024 })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // The domain (and zod under it) is shared by the form screens only: its own chunk, so it is
        // never merged into a chunk the first screen preloads.
        codeSplitting: { groups: [{ name: 'domain', test: /packages[\\/]domain[\\/]|node_modules[\\/]zod[\\/]/ }] },
      },
    },
  },
  server: { proxy: { '/v1': 'http://127.0.0.1:3000', '/openapi.json': 'http://127.0.0.1:3000' } },
});
