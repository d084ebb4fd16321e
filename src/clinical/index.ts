/** Clinical scores and bedside formulas (EuroSCORE II, suggested SCAI SHOCK stage, haemodynamic formulas). */
export * from "./euroscore2.js";
export type {
  InputProblem as EuroScore2InputProblem,
  ParseResult as EuroScore2ParseResult,
} from "./euroscore2-input.js";
export { euroScore2InputSchema } from "./euroscore2-input.js";
export * from "./formulas.js";
export * from "./scai.js";
