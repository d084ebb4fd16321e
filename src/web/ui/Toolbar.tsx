/** Run/pause, exports (plots PNG, waveforms CSV, scenario JSON), scenario import and the shareable link. */
import { useEffect, useState } from "preact/hooks";

export interface ToolbarProps {
  running: boolean;
  onRun: (running: boolean) => void;
  /** Changes unfold in real time instead of jumping to their steady state. */
  transients: boolean;
  onTransients: (on: boolean) => void;
  onExportPng: () => void;
  onExportCsv: () => void;
  onExportJson: () => void;
  onImport: (file: File) => void;
  /** Copies the link; resolves true when it is on the clipboard. */
  onCopyLink: () => Promise<boolean>;
}

/** How long "Link copied" stays on the button (ms). */
const COPIED_MS = 2000;

export function Toolbar(p: ToolbarProps) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(null), COPIED_MS);
    return () => clearTimeout(t);
  }, [copied]);
  return (
    <div class="toolbar" role="toolbar" aria-label="simulation and files">
      <button type="button" data-testid="run" aria-pressed={p.running} onClick={() => p.onRun(!p.running)}>
        {p.running ? "❚❚ Pause" : "▶ Run"}
      </button>
      <label
        class="toggle"
        title="After a change, run on in real time from the old state and watch it unfold (MAP falling after a P-level drop) instead of jumping to the new steady state"
      >
        <input
          type="checkbox"
          data-testid="transients"
          checked={p.transients}
          onChange={(e) => p.onTransients((e.target as HTMLInputElement).checked)}
        />{" "}
        Watch transients
      </label>
      <button type="button" data-testid="export-png" onClick={p.onExportPng}>
        Plots PNG
      </button>
      <button type="button" data-testid="export-csv" onClick={p.onExportCsv}>
        Waveforms CSV
      </button>
      <button type="button" data-testid="export-json" onClick={p.onExportJson}>
        Scenario JSON
      </button>
      <label class="button">
        Import scenario…
        <input
          type="file"
          class="sr-only"
          data-testid="import"
          accept=".json,.yaml,.yml,application/json"
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            if (file) p.onImport(file);
            input.value = "";
          }}
        />
      </label>
      <button
        type="button"
        data-testid="copy-link"
        onClick={async () => setCopied((await p.onCopyLink()) ? "yes" : "no")}
      >
        {copied === "yes"
          ? "Link copied ✓"
          : copied === "no"
            ? "Copy failed: see the address bar"
            : "Copy link"}
      </button>
      <span class="sr-only" aria-live="polite">
        {copied === "yes" ? "link copied" : copied === "no" ? "the link could not be copied" : ""}
      </span>
    </div>
  );
}
