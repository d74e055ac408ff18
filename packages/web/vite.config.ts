import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The API runs separately in development (`vafa serve`); the dev server forwards /api to it.
const api = process.env.VAFA_API ?? "http://127.0.0.1:8787";

export default defineConfig({
  plugins: [react()],
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
  },
  server: { proxy: { "/api": api } },
});
