/**
 * The page's handle on the engine worker: sends loads, steps and changes, and hands what comes back
 * to listeners. It also times each change from the moment it is sent until the first frame that
 * draws the new steady state (the live view calls `framePainted`).
 */
import type { Change, EngineState, FromWorker, ToWorker } from "../worker/protocol.js";

export type StateMessage = Extract<FromWorker, { type: "state" }>;
export type ErrorMessage = Extract<FromWorker, { type: "error" }>;
export type ChunkMessage = Extract<FromWorker, { type: "chunk" }>;

export interface ChangeTiming {
  id: number;
  label: string;
  /** From sending the change to the first frame drawing the new steady state (ms). */
  toScreen_ms: number;
  /** Fast-forward in the worker (ms). */
  fastForward_ms: number;
  simulated_s: number;
}

export interface EngineListeners {
  state(msg: StateMessage): void;
  error(msg: ErrorMessage): void;
  chunk(msg: ChunkMessage): void;
  busy(label: string | null): void;
}

export class EngineClient {
  state: EngineState | null = null;
  readonly timings: ChangeTiming[] = [];
  private readonly worker: Worker;
  private nextId = 1;
  private paused = false;
  private readonly sentAt = new Map<number, number>();
  /** A settled change waiting for its first drawn frame. */
  private awaitingFrame: {
    sentAt_ms: number;
    id: number;
    label: string;
    ff_ms: number;
    sim_s: number;
    chunkSeen: boolean;
  } | null = null;

  constructor(private readonly listeners: EngineListeners) {
    this.worker = new Worker(new URL("../worker/engine.worker.ts", import.meta.url), { type: "module" });
    this.worker.onmessage = (ev: MessageEvent<FromWorker>) => this.receive(ev.data);
    this.worker.onerror = (ev) => {
      ev.preventDefault();
      listeners.error({
        type: "error",
        id: null,
        origin: "change",
        problems: [{ path: "", message: "the engine stopped unexpectedly; reload the page" }],
      });
    };
  }

  private send(msg: ToWorker): void {
    this.worker.postMessage(msg);
  }

  loadCase(caseId: string, at: number): void {
    this.send({ type: "loadCase", caseId, at });
  }

  loadText(text: string, fileName: string, origin: "file" | "url", at = Number.MAX_SAFE_INTEGER): void {
    this.send({ type: "loadText", text, fileName, origin, at });
  }

  goToStep(at: number): void {
    this.sentAt.set(0, performance.now());
    this.send({ type: "goToStep", at });
  }

  change(change: Change): number {
    const id = this.nextId++;
    this.sentAt.set(id, performance.now());
    this.send({ type: "change", id, change });
    return id;
  }

  /** Transient mode: a change runs on in real time from the old state (no jump to its steady state). */
  watchTransients(on: boolean): void {
    this.send({ type: "transient", on });
  }

  /**
   * Pauses or resumes live running. A change made while paused is not timed: its steady state
   * reaches the screen only when the run resumes, and the pause is no part of the engine's time.
   */
  run(running: boolean): void {
    this.paused = !running;
    if (this.paused) this.awaitingFrame = null;
    this.send({ type: "run", running });
  }

  /**
   * When the change answered by a state was sent. The worker applies consecutive changes together and
   * answers the last; the time counts from the first of them. Id 0 is a step through a case.
   */
  private takeSentAt(id: number): number | null {
    let first: number | null = null;
    for (const [k, t] of this.sentAt) {
      if (id === 0 ? k !== 0 : k === 0 || k > id) continue;
      first = first === null ? t : Math.min(first, t);
      this.sentAt.delete(k);
    }
    return first;
  }

  /** Called by the live view after drawing a frame that included a chunk. */
  framePainted(): void {
    const a = this.awaitingFrame;
    if (!a?.chunkSeen) return;
    this.awaitingFrame = null;
    this.timings.push({
      id: a.id,
      label: a.label,
      toScreen_ms: performance.now() - a.sentAt_ms,
      fastForward_ms: a.ff_ms,
      simulated_s: a.sim_s,
    });
    if (this.timings.length > 50) this.timings.shift();
  }

  private receive(msg: FromWorker): void {
    switch (msg.type) {
      case "chunk":
        if (this.awaitingFrame) this.awaitingFrame.chunkSeen = true;
        this.listeners.chunk(msg);
        break;
      case "busy":
        this.listeners.busy(msg.label);
        break;
      case "state": {
        this.state = msg.state;
        const id = msg.id ?? 0;
        const sentAt_ms = this.takeSentAt(id);
        if (sentAt_ms !== null && !this.paused)
          this.awaitingFrame = {
            id,
            sentAt_ms,
            label: msg.change?.label ?? "",
            ff_ms: msg.fastForward_ms,
            sim_s: msg.simulated_s,
            chunkSeen: false,
          };
        this.listeners.busy(null);
        this.listeners.state(msg);
        break;
      }
      case "error":
        if (msg.id !== null) this.sentAt.delete(msg.id);
        this.listeners.busy(null);
        this.listeners.error(msg);
        break;
      default: {
        const never: never = msg;
        throw new Error(`unknown message ${JSON.stringify(never)}`);
      }
    }
  }
}
