/** Run/pause, exports (plots PNG, waveforms CSV, scenario JSON), scenario import and the shareable link. */
export interface ToolbarProps {
  running: boolean;
  onRun: (running: boolean) => void;
  onExportPng: () => void;
  onExportCsv: () => void;
  onExportJson: () => void;
  onImport: (file: File) => void;
  onCopyLink: () => void;
}

export function Toolbar(p: ToolbarProps) {
  return (
    <div class="toolbar" role="toolbar" aria-label="simulation and files">
      <button type="button" data-testid="run" aria-pressed={p.running} onClick={() => p.onRun(!p.running)}>
        {p.running ? "❚❚ Pause" : "▶ Run"}
      </button>
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
      <button type="button" data-testid="copy-link" onClick={p.onCopyLink}>
        Copy link
      </button>
    </div>
  );
}
