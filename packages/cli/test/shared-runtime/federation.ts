import { createInstance } from '@module-federation/runtime';
import * as runtimeCore from '@module-federation/runtime-core';

(globalThis as Record<string, unknown>)._FEDERATION_RUNTIME_CORE = runtimeCore;
console.log(createInstance({ name: 'probe', remotes: [] }));
