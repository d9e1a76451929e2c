import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const workspaceRoot = fileURLToPath(new URL("../..", import.meta.url));

// The server (port 3000) serves packages/web/dist in production; in development Vite
// serves the app and forwards API and socket traffic to it.
export default defineConfig({
  plugins: [react()],
  server: {
    fs: { allow: [workspaceRoot] },
    proxy: {
      "/api": "http://localhost:3000",
      "/socket.io": { target: "http://localhost:3000", ws: true },
    },
  },
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
