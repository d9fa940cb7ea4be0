import { cpSync, readFileSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
const define = { __VERSION__: JSON.stringify(version) };

// ESM splits the bundled rules into a chunk of their own, loaded only when used. CommonJS cannot
// split, so its bundle would hold the rules inline and compile them on every `require`: there the
// rules are built as dist/rules.cjs and loaded by `require` only when used.
const rulesApartInCjs: NonNullable<Options["esbuildPlugins"]>[number] = {
  name: "rules-apart-in-cjs",
  setup(build) {
    if (build.initialOptions.format !== "cjs") return;
    build.onResolve({ filter: /\/generated\/rules\.js$/ }, () => ({ path: "./rules.cjs", external: true }));
  },
};

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
    esbuildPlugins: [rulesApartInCjs],
    // The per-file rules for Node, next to the bundles (see src/impl/packaged.ts).
    onSuccess: async () => cpSync("src/generated/data", "dist/data", { recursive: true }),
  },
  { entry: { rules: "src/generated/rules.ts" }, format: ["cjs"], target: "node20", platform: "neutral" },
  {
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    define,
  },
]);
