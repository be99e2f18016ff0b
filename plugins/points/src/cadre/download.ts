/** Saves a module download (the ledger export, a claim's photo) through the host, as a file the browser keeps. */
import { useHost } from '@cunmen/sdk';
import { useCallback, useState } from 'react';

export function useDownload() {
  const { api } = useHost();
  const [error, setError] = useState<string | null>(null);
  const save = useCallback(
    async (path: string, filename: string) => {
      setError(null);
      try {
        const url = URL.createObjectURL(await api.module.download(path));
        const a = document.createElement('a');
        a.href = url;
        a.download = filename;
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      } catch (thrown) {
        setError((thrown as { message?: string }).message ?? String(thrown));
      }
    },
    [api],
  );
  return { save, error };
}
