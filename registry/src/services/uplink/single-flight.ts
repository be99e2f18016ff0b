/**
 * One run at a time per key: callers that ask for the same uncached item while it is being fetched wait
 * for that fetch instead of starting their own, so a burst of installs costs the uplink one request.
 */
export class SingleFlight {
  private readonly running = new Map<string, Promise<unknown>>();

  run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const current = this.running.get(key);
    if (current) return current as Promise<T>;
    const started = fn().finally(() => this.running.delete(key));
    this.running.set(key, started);
    return started;
  }
}
