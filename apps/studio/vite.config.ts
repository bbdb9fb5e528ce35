import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const LAZY_VENDOR = /node_modules[\\/](\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(@tiptap|prosemirror-|@mantine[\\/](tiptap|dates)|dayjs|@dnd-kit|linkifyjs|orderedmap|rope-sequence|w3c-keyname|markdown-it|zod|@crieur|echarts|echarts-for-react|zrender|size-sensor)/;

// the server serves this build under /studio/ and answers /api itself
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: '/studio/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // React + Mantine weigh ~720 kB minified (220 kB gzipped): fine for a staff tool, stop the warning.
    // The lazy editor chunk (Tiptap, ProseMirror, date pickers) is ~640 kB, loaded by the editor only.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        // libraries change less often than the studio: a separate chunk stays cached. The
        // editor's libraries (Tiptap, ProseMirror, Mantine's tiptap and dates, dnd-kit) stay out of
        // it: they go with the lazy editorial pages that use them, instead of weighing on the
        // first load of every page.
        codeSplitting: {
          groups: [{ name: 'vendor', test: (id: string) => /node_modules/.test(id) && !LAZY_VENDOR.test(id) }],
        },
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
