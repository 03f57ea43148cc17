import { defineConfig } from 'vite';

// Islands are served by Quarkus (Quinoa) under /ui/ with stable names, so the server-rendered
// pages can link /ui/app.js and /ui/app.css directly.
export default defineConfig({
  base: '/ui/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    rollupOptions: {
      input: 'src/main.ts',
      output: {
        entryFileNames: 'app.js',
        chunkFileNames: '[name].js',
        assetFileNames: (info) => (info.names?.some((n) => n.endsWith('.css')) ? 'app.css' : '[name][extname]'),
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
  },
});
