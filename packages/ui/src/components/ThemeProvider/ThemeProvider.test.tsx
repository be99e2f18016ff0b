// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInTheme } from '../../../test/render.js';
import { EmptyState } from '../EmptyState/EmptyState.js';
import { ErrorState } from '../ErrorState/ErrorState.js';
import { LoadingState } from '../LoadingState/LoadingState.js';
import { ThemeProvider } from './ThemeProvider.js';
import { useTheme } from './useTheme.js';

function States() {
  return (
    <>
      <LoadingState />
      <EmptyState />
      <ErrorState onRetry={() => undefined} />
    </>
  );
}

function Probe({ name }: { name: string }) {
  const { elderly, locale } = useTheme();
  return <p>{`${name}:${elderly}:${locale}`}</p>;
}

function SubmitProbe() {
  const { elderly, locale, t } = useTheme();
  return <p>{`${elderly}:${locale}:${t('submit')}`}</p>;
}

describe('ThemeProvider', () => {
  it('marks its root for the stylesheet: cm-root, data-cm-elderly and lang', () => {
    const { container, rerender } = render(
      <ThemeProvider elderly>
        <p>内容</p>
      </ThemeProvider>,
    );
    const root = container.querySelector('.cm-root');
    expect(root?.getAttribute('data-cm-elderly')).toBe('true');
    expect(root?.getAttribute('lang')).toBe('zh-CN');
    rerender(
      <ThemeProvider elderly={false} locale="en">
        <p>内容</p>
      </ThemeProvider>,
    );
    expect(root?.getAttribute('data-cm-elderly')).toBe('false');
    expect(root?.getAttribute('lang')).toBe('en');
  });

  it('gives buttons, links and the focus ring the village accent; anything but #rrggbb is ignored', () => {
    const { container, rerender } = render(
      <ThemeProvider accent="#8a1c1c">
        <p>内容</p>
      </ThemeProvider>,
    );
    const root = container.querySelector<HTMLElement>('.cm-root');
    expect(root?.style.getPropertyValue('--cm-color-primary')).toBe('#8a1c1c');
    expect(root?.style.getPropertyValue('--cm-color-focus')).toBe('#8a1c1c');
    rerender(
      <ThemeProvider accent="red; background: url(x)">
        <p>内容</p>
      </ThemeProvider>,
    );
    expect(root?.style.getPropertyValue('--cm-color-primary')).toBe('');
  });

  it('switching the locale changes the built-in strings (zh-CN first)', () => {
    const { rerender } = render(
      <ThemeProvider>
        <States />
      </ThemeProvider>,
    );
    expect(screen.getByText('加载中…').getAttribute('role')).toBe('status');
    expect(screen.getByText('暂无内容')).toBeTruthy();
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
    rerender(
      <ThemeProvider locale="en">
        <States />
      </ThemeProvider>,
    );
    expect(screen.getByText('Loading…').getAttribute('role')).toBe('status');
    expect(screen.getByText('Nothing here yet')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('a nested provider follows the outer mode and locale unless told otherwise', () => {
    renderInTheme(
      <>
        <ThemeProvider>
          <Probe name="inner" />
        </ThemeProvider>
        <ThemeProvider elderly={false} locale="zh-CN">
          <Probe name="own" />
        </ThemeProvider>
      </>,
      { elderly: true, locale: 'en' },
    );
    expect(screen.getByText('inner:true:en')).toBeTruthy();
    expect(screen.getByText('own:false:zh-CN')).toBeTruthy();
  });

  it('useTheme outside a provider answers normal mode in zh-CN', () => {
    render(<SubmitProbe />);
    expect(screen.getByText('false:zh-CN:提交')).toBeTruthy();
  });
});
