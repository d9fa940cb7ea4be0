// Conditional regimes are decided by json-rules-engine, one small engine per regime, built on
// first use. Regimes without conditions never reach this module.
import type { Engine as RulesEngine } from "json-rules-engine";
import type { Condition, Regime } from "./schema.js";
import type { FACTS, OPERATORS } from "./vocab.js";

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

type Operand = string | number | boolean | (string | number)[];
const isNumber = (v: unknown): boolean => Number.parseFloat(v as string).toString() !== "NaN";
const indexIn = (list: unknown, v: unknown): number =>
  Array.isArray(list) || typeof list === "string" ? (list as (typeof v)[]).indexOf(v) : -1;

/** json-rules-engine's operators (with their fact-value checks) and `containsAny`, for `mayHold`. */
const OPERATE: Record<(typeof OPERATORS)[number], (fact: Operand, value: Operand) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => indexIn(b, a) > -1,
  notIn: (a, b) => indexIn(b, a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b as string) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b as string) === -1,
  containsAny,
  lessThan: (a, b) => isNumber(a) && a < b,
  lessThanInclusive: (a, b) => isNumber(a) && a <= b,
  greaterThan: (a, b) => isNumber(a) && a > b,
  greaterThanInclusive: (a, b) => isNumber(a) && a >= b,
};

/** true, false, or undefined where it depends on facts the query left out (Kleene's logic). */
function value(c: Condition, facts: Facts): boolean | undefined {
  if ("all" in c || "any" in c) {
    // One value decides the whole: a false for `all`, a true for `any`; else any unknown leaves it open.
    const decisive = "any" in c;
    let out: boolean | undefined = !decisive;
    for (const x of "all" in c ? c.all : c.any) {
      const v = value(x, facts);
      if (v === decisive) return decisive;
      if (v === undefined) out = undefined;
    }
    return out;
  }
  if ("not" in c) {
    const v = value(c.not, facts);
    return v === undefined ? undefined : !v;
  }
  const fact = facts[c.fact];
  return fact === undefined ? undefined : OPERATE[c.operator](fact, c.value);
}

/**
 * Whether the regime's conditions may still hold once the facts the query left out are known:
 * false when the facts it gave already fail them, whatever the others turn out to be (a regime
 * for tourists, asked about a work trip). Agrees with `conditionsHold` when every fact is known.
 */
export function mayHold(regime: Regime, facts: Facts): boolean {
  return !regime.conditions || value(regime.conditions, facts) !== false;
}
