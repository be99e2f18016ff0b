import { useHost } from '@cunmen/sdk';
import { useState } from 'react';

/**
 * A booking's photo, opened in a new tab. The shell serves photos only with the widget's credential
 * (an `<a href>` cannot send it), so the photo is fetched through the host API and shown as a Blob.
 */
export function PhotoLink({ id, label }: { id: string; label: string }) {
  const { api } = useHost();
  const [failed, setFailed] = useState(false);
  async function open() {
    // Opened at once, inside the click, so the browser does not block it as a pop-up.
    const tab = window.open('', '_blank');
    try {
      const url = URL.createObjectURL(await api.media.get(id));
      if (tab) tab.location.href = url;
      else window.location.assign(url);
    } catch {
      tab?.close();
      setFailed(true);
    }
  }
  return (
    <button type="button" className="cm-link" onClick={() => void open()} aria-invalid={failed || undefined}>
      {label}
    </button>
  );
}
