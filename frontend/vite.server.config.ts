import { defineConfig } from 'vite';

// The server's copy of Yjs and the minutes document model, as one classic script that GraalJS
// evaluates (LiveDocuments.java). Built into the class path (live/yjs-server.js), never served.
export default defineConfig({
  build: {
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'es2020',
    minify: false,
    lib: {
      entry: 'src/live/yjs-server.ts',
      formats: ['iife'],
      name: 'TsunaguLiveBundle',
      fileName: () => 'yjs-server.js',
    },
  },
});
