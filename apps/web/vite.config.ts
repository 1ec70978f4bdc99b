import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The API server serves the built app itself in production; in development Vite proxies to it so
// cookies stay same-origin and no CORS setup is needed.
const apiServer = "http://localhost:3000";

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      "/api": apiServer,
      "/docs": apiServer,
    },
  },
  build: {
    outDir: "dist",
    // antd and React together exceed Vite's default 500 kB warning even when split sensibly.
    chunkSizeWarningLimit: 1200,
  },
});
