import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The server every `/api` request and `/collab` socket goes to during development. */
const target = process.env.COCREA_SERVER ?? 'http://localhost:3000';

/** Vite configuration of the cocrea web client. */
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target, changeOrigin: true },
      '/collab': { target, ws: true, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps in the built app: they would publish the readable source next to it (the
    // server refuses `*.map` anyway). `vite` in development has its own.
    sourcemap: false,
  },
});
