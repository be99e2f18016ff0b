/** When the portal does what can wait: after the page has loaded, never before the first paint. */

/**
 * Runs `task` once, after the page has loaded — or after `capMs` at the latest, since one widget request
 * that never ends (a weak network) would hold the `load` event back for good. Never before the first
 * paint: the script runs deferred and the task waits for a frame.
 */
export function afterLoad(task: () => void, win: Window = window, capMs = 4000): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    setTimeout(task, 0);
  };
  const frame = () =>
    typeof win.requestAnimationFrame === 'function' ? win.requestAnimationFrame(run) : run();
  if (win.document.readyState === 'complete') frame();
  else {
    win.addEventListener('load', frame, { once: true });
    setTimeout(frame, capMs);
  }
}
