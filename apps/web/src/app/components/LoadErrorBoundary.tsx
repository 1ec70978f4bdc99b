import { Component, type ReactNode } from "react";

interface LoadErrorBoundaryProps {
  /** Shown instead of the children once they failed. */
  fallback: ReactNode;
  children: ReactNode;
}

/**
 * Keeps a failed lazy chunk (a flaky line) to its own box: without it the error unmounts the whole
 * page, and with it whatever the page holds in state, such as a computed plan. There is no retry:
 * Chromium keeps a failed dynamic import's failure for the page's life, so only a reload helps.
 */
export class LoadErrorBoundary extends Component<LoadErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
