/**
 * Catches a page that failed to draw, above all a page's code that could not be loaded (each
 * page is its own chunk: a server restarted with a new build, or the network dropped), and says
 * so instead of leaving an empty screen. Moving to another address tries again.
 */
import { Component, type ReactNode } from 'react';

export class PageBoundary extends Component<{ resetKey: string; children: ReactNode }, { error?: Error; key: string }> {
  override state: { error?: Error; key: string } = { key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { error?: Error; key: string }) {
    return props.resetKey === state.key ? null : { error: undefined, key: props.resetKey };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <p className="error" role="alert">
        This page could not be shown: {this.state.error.message}. <button type="button" className="link" onClick={() => window.location.reload()}>
          Reload Vessel
        </button>
      </p>
    );
  }
}
