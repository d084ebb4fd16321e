/**
 * Clip placement on a drawing of the mitral valve seen from the atrium: pick a device, click (or
 * move the cursor with the arrow keys and press Enter) on the coaptation line; residual jets are drawn
 * per segment from the measured EROA; clips can be selected and removed; Undo reverses the last placement or removal.
 */
import { useRef, useState } from "preact/hooks";
import type { Measurements } from "../../measure/beat.js";
import type { Devices } from "../../procedure/circuit.js";
import { zoneEnd_mm } from "../../procedure/plan/interference.js";
import type { ClipRequest } from "../../procedure/types.js";
import { type ClipAction, undo } from "../app/clip-undo.js";
import {
  anteriorPath,
  linePath,
  lineY,
  offsetToX,
  unitsPerMm,
  VALVE_VIEW as V,
  xToOffset_mm,
} from "../app/valve-geometry.js";
import {
  CLIP_DEVICES,
  CLIPS,
  type ClipDevice,
  checkClipPlacement,
  SEGMENTS,
  type Segment,
} from "../domain.js";

export interface ValveViewProps {
  devices: Devices;
  m: Measurements;
  length_mm: number;
  onAdd: (req: ClipRequest) => void;
  onRemove: (index: number) => void;
}

const SEG_CENTRE: Record<Segment, number> = { A1P1: -1 / 3, A2P2: 0, A3P3: 1 / 3 };
const LABELS: Record<Segment, [string, string]> = {
  A1P1: ["A1", "P1"],
  A2P2: ["A2", "P2"],
  A3P3: ["A3", "P3"],
};

const describeAction = (a: ClipAction) =>
  `${a.kind === "add" ? "place" : "remove"} ${a.clip.device} at ${a.clip.offset_mm} mm`;

/** The selected clip's index once clip `removed` is gone (later clips move down one). */
export function selectionAfterRemoval(selected: number | null, removed: number): number | null {
  if (selected === null || selected === removed) return null;
  return selected > removed ? selected - 1 : selected;
}

export function ValveView({ devices, m, length_mm, onAdd, onRemove }: ValveViewProps) {
  const [device, setDevice] = useState<ClipDevice>("NTW");
  const [cursor_mm, setCursor] = useState(0);
  const [selected, setSelected] = useState<number | null>(null);
  /** Placements and removals made here, newest last (Undo reverses the last one). */
  const [actions, setActions] = useState<ClipAction[]>([]);
  const remove = (i: number) => {
    const c = devices.clips[i];
    if (!c) return;
    setActions((s) => [...s, { kind: "remove", clip: { device: c.device, offset_mm: c.offset_mm } }]);
    onRemove(i);
  };
  const doUndo = () => {
    const r = undo(actions, devices.clips);
    setActions(r.stack);
    if (r.change?.kind === "removeClip") {
      onRemove(r.change.index);
      setSelected(selectionAfterRemoval(selected, r.change.index));
    } else if (r.change?.kind === "addClip")
      onAdd({ device: r.change.clip.device, position: { offset_mm: r.change.clip.offset_mm } });
    lineRef.current?.focus();
  };
  /** The coaptation line: keyboard focus goes back to it when the focused clip or button goes away. */
  const lineRef = useRef<SVGPathElement>(null);
  const k = unitsPerMm(length_mm);
  const half = length_mm / 2;
  const snap = (offset_mm: number) => Math.round(offset_mm * 2) / 2;
  /** Why a clip cannot go at `offset_mm` (off the line, or on another clip), with the engine's rule. */
  const problemAt = (offset_mm: number): string | null => {
    const clips = [...devices.clips, { device, offset_mm: snap(offset_mm) }];
    const p = checkClipPlacement(clips, length_mm).find((q) => q.index === clips.length - 1);
    return p ? p.message : null;
  };
  const [refused, setRefused] = useState<string | null>(null);
  /** Places a clip where it fits; where it cannot go, says why under the valve and sends nothing. */
  const place = (offset_mm: number) => {
    const problem = problemAt(offset_mm);
    setRefused(problem);
    if (!problem) {
      setActions((s) => [...s, { kind: "add", clip: { device, offset_mm: snap(offset_mm) } }]);
      onAdd({ device, position: { offset_mm: snap(offset_mm) } });
    }
  };

  const moveCursor = (offset_mm: number) => {
    setCursor(offset_mm);
    setRefused(null);
  };
  const cursorProblem = problemAt(cursor_mm);
  const onClick = (e: MouseEvent) => {
    const svg = (e.currentTarget as SVGElement).ownerSVGElement ?? (e.currentTarget as SVGSVGElement);
    const box = svg.getBoundingClientRect();
    const x = ((e.clientX - box.left) / box.width) * V.width;
    const off = xToOffset_mm(x, length_mm);
    setCursor(off);
    place(off);
  };
  const onKey = (e: KeyboardEvent) => {
    const step = e.shiftKey ? 5 : 1;
    if (e.key === "ArrowLeft") moveCursor(Math.max(-half, cursor_mm - step));
    else if (e.key === "ArrowRight") moveCursor(Math.min(half, cursor_mm + step));
    else if (e.key === "Enter" || e.key === " ") place(cursor_mm);
    else return;
    e.preventDefault();
  };
  const cx = offsetToX(cursor_mm, length_mm);

  return (
    <section class="panel valve" aria-labelledby="valve-h">
      <h2 id="valve-h">Mitral valve from the atrium · clips</h2>
      <div class="device-picker" role="radiogroup" aria-label="clip device">
        {CLIP_DEVICES.map((d) => (
          <label
            key={d}
            class={d === device ? "chip on" : "chip"}
            title={`arms ${CLIPS[d].armLength_mm} mm, width ${CLIPS[d].width_mm} mm`}
          >
            <input
              type="radio"
              name="clip-device"
              value={d}
              data-testid={`clip-device-${d}`}
              checked={d === device}
              onChange={() => setDevice(d)}
            />
            {d}
          </label>
        ))}
      </div>
      <svg
        viewBox={`0 0 ${V.width} ${V.height}`}
        class="valve-svg"
        role="img"
        aria-label="mitral valve seen from the left atrium with the coaptation line, residual jets and clips"
      >
        <text x={V.cx} y={10} class="valve-note" text-anchor="middle">
          aortic valve (anterior)
        </text>
        <clipPath id="annulus-clip">
          <ellipse cx={V.cx} cy={V.cy} rx={V.rx} ry={V.ry} />
        </clipPath>
        <ellipse cx={V.cx} cy={V.cy} rx={V.rx} ry={V.ry} class="annulus" />
        <path d={anteriorPath()} class="leaflet-ant" clip-path="url(#annulus-clip)" />
        <ellipse cx={V.cx} cy={V.cy} rx={V.rx} ry={V.ry} class="annulus-ring" />
        {[-1 / 6, 1 / 6].map((u) => {
          const x = offsetToX(u * length_mm, length_mm);
          return <line key={u} x1={x} x2={x} y1={lineY(x) - 50} y2={lineY(x) + 45} class="scallop" />;
        })}
        {SEGMENTS.map((s) => {
          const x = offsetToX(SEG_CENTRE[s] * length_mm, length_mm);
          const eroa = m.mr_eroa_by_segment_cm2?.[s] ?? 0;
          const r = Math.sqrt(Math.max(eroa, 0) / Math.PI) * 10 * k;
          return (
            <g key={s}>
              <text x={x} y={lineY(x) - 38} class="seg-label" text-anchor="middle">
                {LABELS[s][0]}
              </text>
              <text x={x} y={lineY(x) + 42} class="seg-label" text-anchor="middle">
                {LABELS[s][1]}
              </text>
              {r > 0.5 ? <ellipse cx={x} cy={lineY(x)} rx={r * 1.6} ry={r * 0.8} class="jet" /> : null}
              <text x={x} y={lineY(x) - 23} class="jet-label" text-anchor="middle">
                {eroa.toFixed(2)} cm²
              </text>
            </g>
          );
        })}
        {devices.impella ? (
          <g data-testid="impella-zone">
            <rect
              x={offsetToX(-half, length_mm)}
              y={V.cy - 62}
              width={offsetToX(zoneEnd_mm(length_mm), length_mm) - offsetToX(-half, length_mm)}
              height={62}
              class="impella-zone"
            />
            <text x={offsetToX(-half, length_mm) + 4} y={V.cy - 50} class="zone-label">
              Impella crosses here
            </text>
          </g>
        ) : null}
        <path d={linePath()} class="coaptation" />
        <path
          d={linePath()}
          ref={lineRef}
          class="line-hit"
          data-testid="valve-line"
          tabindex={0}
          role="slider"
          aria-label={`clip position along the coaptation line (mm; arrows move, Enter places a ${device})`}
          aria-valuemin={-half}
          aria-valuemax={half}
          aria-valuenow={Math.round(cursor_mm)}
          onClick={onClick}
          onKeyDown={onKey}
        />
        <line x1={cx} x2={cx} y1={lineY(cx) - 14} y2={lineY(cx) + 14} class="cursor" />
        {devices.clips.map((c, i) => {
          const x = offsetToX(c.offset_mm, length_mm);
          const w = CLIPS[c.device].width_mm * k;
          const h = CLIPS[c.device].armLength_mm * k * 0.7;
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>
            <g
              key={`${i}-${c.offset_mm}`}
              role="button"
              tabindex={0}
              aria-label={`clip ${i + 1}: ${c.device} at ${c.offset_mm} mm${selected === i ? " (selected)" : ""}`}
              data-testid={`clip-${i}`}
              onClick={() => setSelected(i === selected ? null : i)}
              onKeyDown={(e) => {
                if (e.key === "Enter" || e.key === " ") setSelected(i === selected ? null : i);
                else if (e.key === "Delete" || e.key === "Backspace") {
                  remove(i);
                  setSelected(selectionAfterRemoval(selected, i));
                  lineRef.current?.focus();
                }
              }}
              class={selected === i ? "clip selected" : "clip"}
            >
              <rect x={x - w / 2} y={lineY(x) - h / 2} width={w} height={h} rx={1.5} />
              {/* The number inside the clip, so it never covers the P labels below the line. */}
              <text x={x} y={lineY(x) + 4.5} text-anchor="middle">
                {i + 1}
              </text>
            </g>
          );
        })}
        <text x={V.cx} y={V.height - 5} class="valve-note" text-anchor="middle">
          ◂ anterolateral · posteromedial ▸
        </text>
      </svg>
      <div class="controls-row compact">
        <button
          type="button"
          data-testid="clip-place"
          disabled={cursorProblem !== null}
          title={cursorProblem ?? undefined}
          onClick={() => place(cursor_mm)}
        >
          Place {device} at {cursor_mm >= 0 ? "+" : ""}
          {cursor_mm.toFixed(1)} mm
        </button>
        <button
          type="button"
          data-testid="clip-undo"
          disabled={actions.length === 0}
          title={actions.length ? `undo: ${describeAction(actions[actions.length - 1])}` : "nothing to undo"}
          onClick={doUndo}
        >
          Undo
        </button>
        <button
          type="button"
          data-testid="clip-remove"
          disabled={selected === null || selected >= devices.clips.length}
          onClick={() => {
            if (selected !== null) remove(selected);
            setSelected(null);
            lineRef.current?.focus();
          }}
        >
          Remove
        </button>
      </div>
      {refused ? (
        <p class="valve-refused" role="status" data-testid="clip-refused">
          Not placed: {refused}
        </p>
      ) : null}
    </section>
  );
}
