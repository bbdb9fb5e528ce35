import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// the server serves this build under /studio/ and answers /api itself
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: '/studio/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
