import type { SnapshotWidget } from '@cunmen/manifest';
import type { PortalFederation } from '../federation/instance.js';

const loaders = new WeakMap<PortalFederation, Map<string, () => ReturnType<PortalFederation['load']>>>();

/** One stable loader function per widget expose, so a slot's effect does not re-run on every render. */
export function loaderFor(federation: PortalFederation, widget: SnapshotWidget, expose: string) {
  let map = loaders.get(federation);
  if (!map) {
    map = new Map();
    loaders.set(federation, map);
  }
  const key = `${widget.name}/${expose}`;
  let loader = map.get(key);
  if (!loader) {
    loader = () => federation.load(widget, expose);
    map.set(key, loader);
  }
  return loader;
}
