import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    // Keep earlier hashed assets: a server that is already running keeps the index.html it read at
    // start, and would serve a blank page if a rebuild deleted the files that index points to.
    emptyOutDir: false,
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' } },
});
