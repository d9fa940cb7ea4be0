import { cpSync, readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
const define = { __VERSION__: JSON.stringify(version) };

export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: false,
    target: "node20",
    platform: "neutral",
    // import.meta.url in the CommonJS build too: src/impl/packaged.ts finds dist/data/ with it.
    shims: true,
    define,
    // The per-file rules for Node, next to the bundles (see src/impl/packaged.ts).
    onSuccess: async () => cpSync("src/generated/data", "dist/data", { recursive: true }),
  },
  {
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    define,
  },
]);
