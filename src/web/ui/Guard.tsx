/** Keeps a panel's drawing failure to that panel: a one-line message instead of a blank page. */
import { Component, type ComponentChildren } from "preact";

interface GuardState {
  message: string | null;
}

export class Guard extends Component<{ name: string; children: ComponentChildren }, GuardState> {
  override state: GuardState = { message: null };

  static override getDerivedStateFromError(e: unknown): GuardState {
    return { message: e instanceof Error ? e.message : String(e) };
  }

  override render() {
    if (this.state.message === null) return this.props.children;
    return (
      <section class="panel" role="alert">
        <p class="hint">
          The {this.props.name} panel could not be drawn ({this.state.message.split("\n")[0]}).
        </p>
      </section>
    );
  }
}
