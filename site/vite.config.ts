import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The explorer uses the package's built ESM entry (dist/index.js) with its embedded rules,
// exactly as a browser bundle of a consumer would.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  resolve: { alias: { "travel-rules": fileURLToPath(new URL("../dist/index.js", import.meta.url)) } },
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
  server: { host: "127.0.0.1" },
});
