/**
 * What this shell provides to widgets: the SDK version and one copy of each shared singleton, from the
 * platform's one table (`SHARED_SINGLETONS` of `@cunmen/manifest`). A widget whose `sdk` range or
 * shared ranges these versions do not satisfy is refused at assembly, never on a resident's phone.
 */
import { SHARED_SINGLETONS, sharedVersions } from '@cunmen/manifest';

export const HOST_SDK: string = SHARED_SINGLETONS['@cunmen/sdk'].version;

export const HOST_SHARED: Readonly<Record<string, string>> = sharedVersions();
