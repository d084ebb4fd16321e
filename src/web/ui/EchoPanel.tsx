/** The echo report: MR grade and quantities, EROA per segment, mitral gradient and area. */
import type { Measurements } from "../../measure/beat.js";
import { fmt, mrGradeText } from "../app/format.js";
import { SEGMENTS } from "../domain.js";
import { Readout } from "./Readout.js";

export function EchoPanel({ m }: { m: Measurements }) {
  return (
    <section class="panel" aria-labelledby="echo-h">
      <h2 id="echo-h">Echo</h2>
      <div class="readouts">
        <Readout
          label="MR grade"
          value={`${fmt(m.mr_grade)} · ${mrGradeText(m.mr_grade)}`}
          testId="mr-grade"
          tone={m.mr_grade >= 3 ? "alarm" : "normal"}
          wide
        />
        <Readout label="RVol" value={fmt(m.mr_rvol_mL)} unit="mL" testId="mr-rvol" tone="big" />
        <Readout label="RF" value={fmt(m.mr_rf_pct)} unit="%" testId="mr-rf" />
        <Readout
          label="EROA"
          value={fmt(m.mr_eroa_cm2, 2)}
          unit="cm²"
          testId="mr-eroa"
          title="Effective regurgitant orifice of this beat: it follows LV size and closing pressure, so it differs from the EROA set at the reference state"
        />
        {SEGMENTS.map((s) => (
          <Readout
            key={s}
            label={`EROA ${s}`}
            value={fmt(m.mr_eroa_by_segment_cm2?.[s], 2)}
            unit="cm²"
            testId={`mr-eroa-${s}`}
          />
        ))}
        <Readout
          label="Mean gradient"
          value={fmt(m.mv_gradient_mean_mmHg, 1)}
          unit="mmHg"
          testId="mv-gradient"
          tone="big"
        />
        <Readout label="MVA" value={fmt(m.mv_area_cm2, 2)} unit="cm²" testId="mv-area" />
        <Readout
          label="MR peak v"
          value={m.mr_peak_velocity_m_s > 0 && m.mr_grade > 0 ? fmt(m.mr_peak_velocity_m_s, 1) : "no jet"}
          unit={m.mr_peak_velocity_m_s > 0 && m.mr_grade > 0 ? "m/s" : undefined}
          testId="mr-vmax"
        />
        <Readout label="LVEF" value={fmt(m.lvef_pct)} unit="%" testId="lvef" />
      </div>
    </section>
  );
}
