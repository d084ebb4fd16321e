/**
 * The web app's one window onto the domain below `procedure` and `measure`: the parameter table
 * (ranges, units, presets), the device catalogues and the SCAI rule. The UI imports these from here
 * and never from the engine, so the boundary is in one place.
 */
export { IMPELLA, IMPELLA_MODELS, type ImpellaModel } from "../devices/impella/models.js";
export { CLIP_DEVICES, CLIPS, type ClipDevice } from "../devices/mitraclip/devices.js";
export { checkClipPlacement } from "../devices/mitraclip/geometry.js";
export {
  PARAM_BY_PATH,
  PARAMS,
  type Params,
  type ParamValue,
  PRESET_IDS,
  PRESETS,
  type PresetId,
  presetParams,
  SEGMENTS,
  type Segment,
  type SegmentShares,
} from "../physiology/params.js";
export { scaiOf } from "../procedure/scai-of.js";
