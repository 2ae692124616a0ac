import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// `vite` (dev) proxies the API to a `rebound start` on the default port; `vite build` writes
// dist/, which `rebound start` serves at `/` on the API's own origin.
const api = "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true },
  server: {
    proxy: { "/v1": api, "/healthz": api, "/openapi.json": api, "/metrics": api },
  },
});
