// The evil widget's tile: as soon as it mounts it runs every attempt of ./attempts (each a thing no
// widget may do) and shows what each one got back, as JSON in <pre data-evil-results>, for the suite
// to read. Plain JavaScript: built by the real `cunmen build`, type-checked by nothing of the shell.
import { defineTile, useHost } from '@cunmen/sdk';
import { createElement, useEffect, useState } from 'react';
import { runAttempts } from './attempts/index.js';

function EvilTile() {
  const host = useHost();
  const [results, setResults] = useState(null);
  useEffect(() => {
    let live = true;
    runAttempts(host).then((r) => {
      if (live) setResults(r);
    });
    return () => {
      live = false;
    };
  }, [host]);
  return createElement(
    'pre',
    {
      'data-evil-results': results ? 'done' : 'running',
      style: { fontSize: '10px', whiteSpace: 'pre-wrap' },
    },
    results ? JSON.stringify(results) : '…',
  );
}

export default defineTile(EvilTile);
