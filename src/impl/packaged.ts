// Under Node, the rules also ship as one JSON file per rule file next to the bundle (dist/data/,
// written by scripts/embed-rules.ts from the same validated rules). Reading only the files a
// query needs keeps start-up flat however large the dataset grows; parsing the whole bundled
// form costs about a tenth of a second. Elsewhere (browsers), or if the copy is missing or from
// another build, the bundled form answers.
import buildId from "../generated/rules-id.js";
import { citeFrom, type Cited, type RuleSource } from "./load.js";
import type { Source } from "./schema.js";

interface Fs {
  readFileSync(path: URL, encoding: "utf8"): string;
}

export function packagedRules(): RuleSource | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  // process.getBuiltinModule (Node 20.16+) reads a built-in module synchronously, without an
  // import that browser bundlers would try to resolve.
  const fs = proc?.getBuiltinModule?.("node:fs") as Fs | undefined;
  if (!fs) return null;
  let dir: URL;
  let index: { id: string; files: string[] };
  try {
    dir = new URL("./data/", import.meta.url);
    index = JSON.parse(fs.readFileSync(new URL("index.json", dir), "utf8")) as { id: string; files: string[] };
  } catch {
    return null;
  }
  if (index.id !== buildId) return null;
  return {
    files: index.files,
    read(file) {
      const { sources, file: content } = JSON.parse(fs.readFileSync(new URL(file, dir), "utf8")) as { sources: Source[]; file: Cited };
      return citeFrom(content, sources);
    },
  };
}
