/** Problems reported by the engine or the scenario parser, as plain one-line messages. */
export interface ShownError {
  key: number;
  title: string;
  lines: string[];
  /** What failed: a later good load clears load errors, a later good change clears change errors. */
  origin: "change" | "file" | "url" | "step";
}

export function Errors({ errors, onDismiss }: { errors: ShownError[]; onDismiss: (key: number) => void }) {
  if (!errors.length) return null;
  return (
    <div class="errors" role="alert">
      {errors.map((e) => (
        <div class="error" key={e.key} data-testid="error">
          <strong>{e.title}</strong>
          <ul>
            {e.lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
          <button type="button" aria-label="dismiss" onClick={() => onDismiss(e.key)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
