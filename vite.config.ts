import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app lives in web/. `npm run dev` serves it through the API's own port (Vite as
// middleware); the proxy is for running `npx vite` on its own beside `npm start` (PORT, default 4000).
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'web'),
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/graphql': `http://127.0.0.1:${process.env.PORT ?? 4000}` } },
});
