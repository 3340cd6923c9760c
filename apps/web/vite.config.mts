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
    rollupOptions: {
      input: { main: path.join(import.meta.dirname, 'index.html'), silent: path.join(import.meta.dirname, 'silent-callback.html') },
      // A desk opens with few requests: over HTTP/1.1 a browser fetches six files at a time from one
      // origin, and the silent sign-in's page waited behind a score of small chunks. What every desk
      // uses is two chunks — React and the libraries around it, and our shared components — beside
      // the desk's own. The entry's modules (sign-in, words, the table of desks) are kept out of both
      // groups, so the entry runs before either has arrived; Excel's reader and the charts stay apart.
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'framework',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser|@tanstack|i18next|react-i18next|html-parse-stringify|void-elements|openapi-fetch)[\\/]/,
            },
            {
              name: 'desk-kit',
              // Not the words and the i18n set-up these modules import: the entry needs those first.
              includeDependenciesRecursively: false,
              test: (id: string) =>
                /apps[\\/]web[\\/]src[\\/](components|lib)[\\/][^\\/]+\.tsx?$/.test(id)
                  ? !/[\\/](auth|words|i18n|charts)\.tsx?$/.test(id)
                  : /libs[\\/]contracts[\\/]src[\\/]labels[\\/][^\\/]+\.ts$/.test(id),
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:8080', '/config.json': 'http://127.0.0.1:8080' },
  },
});
