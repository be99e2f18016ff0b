/**
 * Renders one widget contribution in its slot with its own states: loading (then a "slow" hint),
 * ready, fallback (refused, failed to load, crashed) and a load-timeout state — so one widget failing
 * never affects the others.
 */
import { type Host, HostProvider, isSlotContribution, type SlotContribution } from '@cunmen/sdk';
import { LoadingState } from '@cunmen/ui';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { reportShellError, type ShellErrorCode } from '../errors.js';
import type { LoadResult } from '../federation/instance.js';
import { useShellT } from '../i18n/index.js';
import { FallbackTile } from './FallbackTile.js';
import { WidgetBoundary } from './WidgetBoundary.js';

export type WidgetLoader = () => Promise<LoadResult>;

export interface WidgetSlotProps {
  widget: string;
  title: string;
  slot: 'village.home.tile/v1' | 'village.page/v1' | 'cadre.page/v1';
  load: WidgetLoader;
  host: Host | null;
  /** For pages: the path below the widget's route. */
  path?: string;
  /** After this the loading state says the widget is slow, ms. */
  slowMs?: number;
  /** After this the slot shows the timeout state (a late success still replaces it), ms. */
  deadlineMs?: number;
}

type State =
  | { status: 'loading'; slow: boolean }
  | { status: 'ready'; contribution: SlotContribution; host: Host | null | undefined }
  | { status: 'failed' | 'timeout'; error: string }
  | { status: 'refused'; code: ShellErrorCode };

async function readUser(host: Host | null | undefined): Promise<Host['user']> {
  if (!host?.widget.capabilities.includes('user.read')) return null;
  try {
    return await host.api.me();
  } catch {
    return null;
  }
}

export function WidgetSlot(props: WidgetSlotProps) {
  const { widget, title, slot, load, host, path = '/', slowMs = 4000, deadlineMs = 26_000 } = props;
  const t = useShellT();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<State>({ status: 'loading', slow: false });

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the load on retry.
  useEffect(() => {
    let live = true;
    setState({ status: 'loading', slow: false });
    const slowTimer = setTimeout(() => {
      if (live) setState((s) => (s.status === 'loading' ? { status: 'loading', slow: true } : s));
    }, slowMs);
    const deadline = setTimeout(() => {
      if (!live) return;
      reportShellError('SHELL_ERR_WIDGET_TIMEOUT', widget, `${deadlineMs} ms`);
      setState((s) => (s.status === 'loading' ? { status: 'timeout', error: 'timeout' } : s));
    }, deadlineMs);
    // A widget granted `user.read` renders once the signed-in resident (masked by the server) is known,
    // so it never flashes a "please sign in" state; anonymous residents get `user: null`.
    const user = readUser(host);
    Promise.all([load(), user]).then(([result, signedIn]) => {
      if (!live) return;
      clearTimeout(slowTimer);
      clearTimeout(deadline);
      if (!result.ok) {
        setState(
          result.refused
            ? { status: 'refused', code: result.refused }
            : { status: 'failed', error: result.error },
        );
        return;
      }
      const contribution = (result.module as { default?: unknown } | null)?.default;
      if (!isSlotContribution(contribution) || contribution.slot !== slot) {
        reportShellError(
          'SHELL_ERR_WIDGET_LOAD',
          widget,
          `the module does not default-export a ${slot} contribution`,
        );
        setState({ status: 'failed', error: 'not a slot contribution' });
        return;
      }
      setState({
        status: 'ready',
        contribution,
        host: host && signedIn ? { ...host, user: signedIn } : host,
      });
    });
    return () => {
      live = false;
      clearTimeout(slowTimer);
      clearTimeout(deadline);
    };
  }, [load, slot, widget, slowMs, deadlineMs, attempt, host]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  let body: ReactNode;
  if (state.status === 'refused') {
    body = <FallbackTile title={title} reason="refused" code={state.code} />;
  } else if (state.status === 'loading') {
    body = <LoadingState label={t(state.slow ? 'widget.slow' : 'widget.loading', { title })} />;
  } else if (state.status === 'failed' || state.status === 'timeout') {
    body = (
      <FallbackTile
        title={title}
        reason={state.status}
        code={state.status === 'timeout' ? 'SHELL_ERR_WIDGET_TIMEOUT' : 'SHELL_ERR_WIDGET_LOAD'}
        onRetry={retry}
      />
    );
  } else if (state.status === 'ready' && state.host) {
    const { contribution } = state;
    body = (
      <WidgetBoundary
        key={attempt}
        widget={widget}
        fallback={() => (
          <FallbackTile title={title} reason="crashed" code="SHELL_ERR_WIDGET_RENDER" onRetry={retry} />
        )}
      >
        <HostProvider host={state.host}>
          {contribution.slot === 'village.home.tile/v1' ? (
            <contribution.Component />
          ) : contribution.slot === 'village.page/v1' || contribution.slot === 'cadre.page/v1' ? (
            <contribution.Component path={path} />
          ) : null}
        </HostProvider>
      </WidgetBoundary>
    );
  }
  return (
    <div className="shell-slot" data-widget={widget} data-slot={slot} data-state={state.status}>
      {body}
    </div>
  );
}
