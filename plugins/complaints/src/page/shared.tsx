/** Small pieces the resident views share. */
import type { HostError } from '@cunmen/sdk';
import type { CSSProperties, ReactNode } from 'react';

export const ROUTE = '/complaints';

export const stack: CSSProperties = {
  display: 'flex',
  flexDirection: 'column',
  gap: 'var(--cm-space-3, 12px)',
};

/** A zh-CN message for an error from the module's server (or a network problem). */
export function errorMessage(error: HostError | null | undefined): string | null {
  return error ? error.message : null;
}

/** An alert region for errors that belong to no single field. */
export function Alert({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p role="alert" className="cm-field__error" style={{ margin: 0 }}>
      {children}
    </p>
  );
}
