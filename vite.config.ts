import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The client app. `npm run build` writes it to dist/client, which the server serves with an
 * SPA fallback. In development (`npx vite`), API calls and the Socket.IO connection go to the
 * server on port 3000, so the app is always same-origin from the browser's point of view.
 */
const SERVER = 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': { target: SERVER, changeOrigin: false },
      '/socket.io': { target: SERVER, ws: true, changeOrigin: false },
    },
  },
});
