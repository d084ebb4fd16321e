/**
 * Undo for the valve panel as a stack of actions (issue 13: Undo took away the last-placed clip, not
 * the last action; select clip 1, Delete, Undo left no clips). Pure: the panel records each placement
 * and removal; undoing one gives the change that reverses it.
 */
import type { ClipDevice } from "../domain.js";

export interface ClipAt {
  device: ClipDevice;
  offset_mm: number;
}

export type ClipAction = { kind: "add"; clip: ClipAt } | { kind: "remove"; clip: ClipAt };

export type UndoChange = { kind: "removeClip"; index: number } | { kind: "addClip"; clip: ClipAt } | null;

/** The change that reverses `action` on the clips now in place (null: nothing left to reverse). */
export function reverse(action: ClipAction, clips: readonly ClipAt[]): UndoChange {
  if (action.kind === "remove") return { kind: "addClip", clip: action.clip };
  for (let i = clips.length - 1; i >= 0; i--)
    if (clips[i].device === action.clip.device && clips[i].offset_mm === action.clip.offset_mm)
      return { kind: "removeClip", index: i };
  return null;
}

/** Pops actions until one can be reversed: the new stack and the change (null when none can). */
export function undo(
  stack: readonly ClipAction[],
  clips: readonly ClipAt[],
): { stack: ClipAction[]; change: UndoChange } {
  const s = [...stack];
  while (s.length) {
    const a = s.pop() as ClipAction;
    const change = reverse(a, clips);
    if (change) return { stack: s, change };
  }
  return { stack: s, change: null };
}
