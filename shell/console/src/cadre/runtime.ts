/**
 * How the cadre pages get their widgets: the resident portal's trust gate over the village's snapshot
 * (signatures checked, then one Module Federation instance with only the accepted widgets). One gate
 * per document: the gate guards `<head>` and names its MF instance after the portal, so opening another
 * village's cadre pages loads the page afresh instead of stacking a second gate on the first.
 */
import type { PortalSnapshot } from '@cunmen/manifest';
import { type PortalFederation, trustGate } from '@cunmen/shell-web/widget-runtime';
import { createContext, useContext } from 'react';

export interface CadreRuntime {
  /** The federation for this snapshot's widgets, or null when the page must reload first. */
  federationFor(snapshot: PortalSnapshot): PortalFederation | null;
  /** The fetch the widgets' hosts use (their credentials come from the console origin). */
  fetch?: typeof fetch;
}

let gated: { village: string; federation: PortalFederation } | null = null;

export const documentRuntime: CadreRuntime = {
  federationFor(snapshot) {
    if (gated && gated.village !== snapshot.village.code) {
      window.location.reload();
      return null;
    }
    gated ??= { village: snapshot.village.code, federation: trustGate(snapshot, document) };
    return gated.federation;
  },
};

export const CadreRuntimeContext = createContext<CadreRuntime>(documentRuntime);

export function useCadreRuntime(): CadreRuntime {
  return useContext(CadreRuntimeContext);
}
