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
    // React + Mantine weigh ~635 kB minified (195 kB gzipped): fine for a staff tool, stop the warning
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // libraries change less often than the studio: a separate chunk stays cached
        codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
