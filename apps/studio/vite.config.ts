import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const LAZY_VENDOR =
  /node_modules[\\/](\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(@tiptap|prosemirror-|@mantine[\\/](tiptap|dates)|dayjs|@dnd-kit|linkifyjs|orderedmap|rope-sequence|w3c-keyname|markdown-it|zod|@crieur|echarts|echarts-for-react|zrender|size-sensor)/;
// zxcvbn and its dictionaries: only the lazy password-strength check uses them
const LAZY_PASSWORD = /node_modules[\\/].*(@zxcvbn-ts|fastest-levenshtein)/;

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
    // zxcvbn and its dictionaries (~1 MB) load only when someone types a new password.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        // libraries change less often than the studio: a separate chunk stays cached. The
        // editor's libraries (Tiptap, ProseMirror, Mantine's tiptap and dates, dnd-kit) stay out of
        // it: they go with the lazy editorial pages that use them, instead of weighing on the
        // first load of every page.
        codeSplitting: {
          groups: [
            {
              name: 'vendor',
              test: (id: string) => /node_modules/.test(id) && !LAZY_VENDOR.test(id) && !LAZY_PASSWORD.test(id),
            },
            // the password dictionaries: two chunks fetched together, only by the lazy strength check
            { name: 'zxcvbn-common', test: (id: string) => /@zxcvbn-ts[\\/]language-common/.test(id) },
            { name: 'zxcvbn-fr', test: (id: string) => /@zxcvbn-ts[\\/]language-fr/.test(id) },
          ],
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
