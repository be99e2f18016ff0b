/**
 * What this shell provides to widgets: the SDK version it ships and one copy of each shared singleton.
 * A widget whose `sdk` range or shared ranges these versions do not satisfy is refused at assembly,
 * never on a resident's phone. host.test.ts keeps the constants equal to the packages the shell ships.
 */
import { SDK_VERSION } from '@cunmen/sdk';
import { version as REACT_VERSION } from 'react';

/** `@cunmen/ui`'s version (the UI kit's package.json; kept in step by host.test.ts). */
export const UI_VERSION = '0.1.0';

export const HOST_SDK = SDK_VERSION;

export const HOST_SHARED: Readonly<Record<string, string>> = {
  react: REACT_VERSION,
  'react-dom': REACT_VERSION,
  'react/jsx-runtime': REACT_VERSION,
  '@cunmen/sdk': SDK_VERSION,
  '@cunmen/ui': UI_VERSION,
};
