// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockHost } from '../testing/mock-host.js';
import { HostProvider } from './HostProvider.js';
import { useElderlyMode } from './useElderlyMode.js';

afterEach(cleanup);

function Switch() {
  const [elderly, setElderly] = useElderlyMode();
  return (
    <button type="button" onClick={() => setElderly(!elderly)}>
      {elderly ? '长辈版' : '标准版'}
    </button>
  );
}

function Label() {
  const [elderly] = useElderlyMode();
  return <p>{elderly ? 'large' : 'normal'}</p>;
}

describe('useElderlyMode', () => {
  it('re-renders every user when any of them switches', () => {
    const host = createMockHost();
    render(
      <HostProvider host={host}>
        <Switch />
        <Label />
      </HostProvider>,
    );
    expect(screen.getByRole('button').textContent).toBe('标准版');
    fireEvent.click(screen.getByRole('button'));
    expect(screen.getByRole('button').textContent).toBe('长辈版');
    expect(screen.getByText('large')).toBeTruthy();
    expect(host.elderly.get()).toBe(true);
  });

  it('re-renders when the host switches it from outside', () => {
    const host = createMockHost({ elderly: true });
    render(
      <HostProvider host={host}>
        <Label />
      </HostProvider>,
    );
    expect(screen.getByText('large')).toBeTruthy();
    act(() => host.elderly.set(false));
    expect(screen.getByText('normal')).toBeTruthy();
  });
});
