// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { HostError } from '../core/errors.js';
import { renderWithHost } from '../testing/render-with-host.js';
import { useModuleMutation } from './useModuleMutation.js';
import { useModuleQuery } from './useModuleQuery.js';

function Cases() {
  const { data, error, loading } = useModuleQuery<{ count: number }>('/cases/count');
  const { request, error: writeError } = useModuleMutation();
  const [answer, setAnswer] = useState('');
  if (loading && !data) return <p>loading</p>;
  return (
    <div>
      <p>count {data?.count ?? '-'}</p>
      {error ? <p>read {error.code}</p> : null}
      {writeError ? <p>write {writeError.code}</p> : null}
      <button
        type="button"
        onClick={async () => setAnswer(String((await request('POST', '/cases', { n: 1 }))?.toString()))}
      >
        add
      </button>
      <p>answer {answer}</p>
    </div>
  );
}

describe('useModuleQuery and useModuleMutation', () => {
  afterEach(cleanup);

  it('reads, writes, and reloads every query after a successful write', async () => {
    let count = 1;
    renderWithHost(<Cases />, {
      capabilities: ['module.api'],
      module: ({ method, path }) => {
        if (method === 'GET' && path === '/cases/count') return { count };
        if (method === 'POST' && path === '/cases') {
          count += 1;
          return 'ok';
        }
        throw new HostError({ code: 'MODULE_ERR_NOT_FOUND', status: 404 });
      },
    });
    await screen.findByText('count 1');
    await act(async () => screen.getByRole('button', { name: 'add' }).click());
    await screen.findByText('count 2');
    expect(screen.getByText(/^answer/).textContent).toBe('answer ok');
  });

  it('shows the denied capability and the refused write without throwing', async () => {
    renderWithHost(<Cases />, {
      capabilities: [],
      module: () => ({ count: 5 }),
    });
    await screen.findByText('read SDK_ERR_CAPABILITY_DENIED');
    await act(async () => screen.getByRole('button', { name: 'add' }).click());
    await waitFor(() =>
      expect(screen.getByText(/^write/).textContent).toBe('write SDK_ERR_CAPABILITY_DENIED'),
    );
    expect(screen.getByText(/^count/).textContent).toBe('count -');
  });
});
