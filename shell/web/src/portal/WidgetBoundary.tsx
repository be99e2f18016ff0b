/** One error boundary per widget: a widget that throws while rendering takes down only itself. */
import { Component, type ReactNode } from 'react';
import { reportShellError } from '../errors.js';

export interface WidgetBoundaryProps {
  widget: string;
  fallback: (error: string) => ReactNode;
  children?: ReactNode;
}

export class WidgetBoundary extends Component<WidgetBoundaryProps, { error: string | null }> {
  override state = { error: null as string | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  override componentDidCatch(error: unknown) {
    reportShellError(
      'SHELL_ERR_WIDGET_RENDER',
      this.props.widget,
      error instanceof Error ? error.message : String(error),
    );
  }

  override render() {
    return this.state.error === null ? this.props.children : this.props.fallback(this.state.error);
  }
}
