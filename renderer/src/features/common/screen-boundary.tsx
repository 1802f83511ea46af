/**
 * A React error boundary per screen (issue 16, item 2): the counter, each office tab, the sign-in
 * and, around everything, the app. When a screen throws while drawing, the rest of the window keeps
 * working; this says what happened in the cashier's words, logs the error on the trusted side
 * (through the store's `reportError`) and shows the correlation id it was logged under, and
 * "Volver" draws the screen again (or goes back to the counter, for the office).
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StoreContext } from '../../store/store-context';
import type { AppStore } from '../../store/create-app-store';

/** The screens with a boundary (also the `screen` field of the log line). */
export type BoundaryScreen = 'counter' | 'office' | 'login' | 'app';

interface Props {
  screen: BoundaryScreen;
  /** A sub-part of the screen (an office tab), for the log. */
  part?: string;
  /** Where "Volver" goes besides drawing the screen again (the office: back to the counter). */
  onBack?: () => void;
  children: ReactNode;
}

interface State {
  failed: boolean;
  correlationId: string | null;
}

/** Catches a screen's render errors; see the file comment. */
export class ScreenBoundary extends Component<Props, State> {
  static override contextType = StoreContext;
  declare context: AppStore | null;
  override state: State = { failed: false, correlationId: null };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    const store = this.context;
    if (!store) return;
    const screen = this.props.part ? `${this.props.screen}.${this.props.part}` : this.props.screen;
    void store
      .getState()
      .reportError({
        source: 'boundary',
        screen,
        message: error.message,
        stack: `${error.stack ?? ''}\n${info.componentStack ?? ''}`,
      })
      .then((correlationId) => this.setState({ correlationId }));
  }

  private readonly back = () => {
    this.setState({ failed: false, correlationId: null });
    this.props.onBack?.();
  };

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <BoundaryFallback
        screen={this.props.screen}
        correlationId={this.state.correlationId}
        backToCounter={this.props.onBack !== undefined}
        onBack={this.back}
      />
    );
  }
}

function BoundaryFallback(props: {
  screen: BoundaryScreen;
  correlationId: string | null;
  backToCounter: boolean;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section role="alert" className="screen-boundary" data-testid={`boundary-${props.screen}`}>
      <h2>{t('ops.boundary.title')}</h2>
      <p>{t('ops.boundary.body')}</p>
      <p className="screen-boundary-reference">
        {props.correlationId
          ? t('ops.boundary.reference', { id: props.correlationId })
          : t('ops.boundary.noReference')}
      </p>
      <button type="button" onClick={props.onBack} autoFocus>
        {props.backToCounter ? t('ops.boundary.backToCounter') : t('ops.boundary.back')}
      </button>
    </section>
  );
}
