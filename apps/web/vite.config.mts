import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run build` writes the application to dist/apps/web/client, which the gateway serves.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  // The contracts' plain label data (no schemas) is shared with the services: see tsconfig.base.json.
  resolve: { alias: { '@qorgau/contracts/labels': path.join(import.meta.dirname, '../../libs/contracts/src/labels') } },
  build: {
    outDir: path.join(import.meta.dirname, '../../dist/apps/web/client'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    reportCompressedSize: false,
    // Excel's reader (900 kB) is its own chunk, loaded only when someone imports an .xlsx file.
    chunkSizeWarningLimit: 1000,
    // The application, and the page a silent sign-in's hidden frame lands on.
    rollupOptions: { input: { main: path.join(import.meta.dirname, 'index.html'), silent: path.join(import.meta.dirname, 'silent-callback.html') } },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:8080', '/config.json': 'http://127.0.0.1:8080' },
  },
});
