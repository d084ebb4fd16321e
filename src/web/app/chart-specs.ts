/** The waveform charts: which channels each draws, in which colour and unit. */
import type { ChartSpec } from "../charts/wave-chart.js";
import { CHUNK_CHANNELS, type ChunkChannel } from "../worker/protocol.js";

export const col = (name: ChunkChannel): number => CHUNK_CHANNELS.indexOf(name);

export const PRESSURES: ChartSpec = {
  title: "Pressures",
  unit: "mmHg",
  height: 185,
  floor: [0, 100],
  series: [
    { label: "Aorta", column: col("ao.p_mmHg"), color: "#dc2626", width: 1.8 },
    { label: "LV", column: col("lv.p_mmHg"), color: "#111827", width: 1.8 },
    { label: "LA", column: col("la.p_mmHg"), color: "#2563eb", width: 1.6 },
    { label: "PA", column: col("pa.p_mmHg"), color: "#d97706", width: 1.4 },
    { label: "RA", column: col("ra.p_mmHg"), color: "#7c3aed", width: 1.4 },
  ],
};

export const FLOWS: ChartSpec = {
  title: "Flows",
  unit: "mL/s",
  height: 135,
  floor: [-100, 300],
  series: [
    { label: "Aortic valve", column: col("av.q_mL_s"), color: "#dc2626" },
    { label: "Transmitral (forward)", column: col("mv.fwd_mL_s"), color: "#2563eb" },
    {
      label: "Regurgitant jet",
      column: col("mv.reg_mL_s"),
      color: "#be123c",
      fill: "rgba(225,29,72,0.18)",
    },
    { label: "Impella", column: col("impella.q_mL_s"), color: "#059669", width: 1.8 },
  ],
};

export const DOPPLER: ChartSpec = {
  title: "Doppler-like velocities",
  unit: "m/s",
  height: 122,
  floor: [-5, 1.5],
  series: [
    {
      label: "Mitral inflow",
      column: col("mv.inflow_m_s"),
      color: "#1d4ed8",
      fill: "rgba(37,99,235,0.22)",
    },
    { label: "MR jet (CW)", column: col("mr.jet_m_s"), color: "#be123c", fill: "rgba(225,29,72,0.22)" },
  ],
};
