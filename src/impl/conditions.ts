// Conditional regimes are decided by json-rules-engine, one small engine per regime, built on
// first use. Regimes without conditions never reach this module.
import type { Engine as RulesEngine } from "json-rules-engine";
import type { Condition, Regime } from "./schema.js";
import type { FACTS } from "./vocab.js";

export type FactName = (typeof FACTS)[number];
export type Facts = Partial<Record<FactName, string | number | boolean | string[]>>;

const engines = new WeakMap<Regime, RulesEngine>();
const needs = new WeakMap<Regime, FactName[]>();

function containsAny(factValue: unknown, jsonValue: unknown): boolean {
  return Array.isArray(factValue) && Array.isArray(jsonValue) && factValue.some((v) => jsonValue.includes(v));
}

// Loaded on the first conditional regime, so lookups never pay for it.
let rulesEngine: typeof import("json-rules-engine") | undefined;

async function engineFor(regime: Regime): Promise<RulesEngine> {
  let engine = engines.get(regime);
  if (!engine) {
    rulesEngine ??= await import("json-rules-engine");
    // The schema already refused `path`, `params` and unknown operators: conditions are data only.
    engine = new rulesEngine.Engine([], { allowUndefinedFacts: true });
    engine.addOperator("containsAny", containsAny);
    engine.addRule({ conditions: regime.conditions as never, event: { type: regime.id } });
    engines.set(regime, engine);
  }
  return engine;
}

/** The facts a regime's conditions read. */
export function factsNeeded(regime: Regime): FactName[] {
  let list = needs.get(regime);
  if (!list) {
    const found = new Set<FactName>();
    const walk = (c: Condition): void => {
      if ("all" in c) c.all.forEach(walk);
      else if ("any" in c) c.any.forEach(walk);
      else if ("not" in c) walk(c.not);
      else found.add(c.fact);
    };
    if (regime.conditions) walk(regime.conditions);
    list = [...found];
    needs.set(regime, list);
  }
  return list;
}

export async function conditionsHold(regime: Regime, facts: Facts): Promise<boolean> {
  const { events } = await (await engineFor(regime)).run(facts);
  return events.length > 0;
}
