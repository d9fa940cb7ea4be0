export { createEngine, Engine, type EngineOptions, type SafeResult } from "./engine.js";
export { TravelRulesError, InvalidRulesError, isTravelRulesError, type ErrorCode, type RuleIssue } from "./errors.js";
export { describeStay, describeAccess } from "./impl/explain.js";
export { REQUIREMENTS, PASSPORT_TYPES, PURPOSES, ARRIVAL_MODES } from "./impl/vocab.js";
export type { RuleFiles } from "./impl/load.js";
export type {
  Alternative,
  Answer,
  ArrivalMode,
  BestAnswer,
  Change,
  DateInput,
  HeldDocument,
  MaxStay,
  PassportOverview,
  PassportType,
  Period,
  Purpose,
  Query,
  Requirement,
  Source,
  StayEntry,
  StayQuery,
  StayResult,
  Timeline,
  TravellerFacts,
  UpcomingChange,
} from "./types.js";
