import { afterEach, describe } from 'vitest';
import { BACKENDS, type OpenedBackend, openBackend } from '../../test/backends.js';
import { mandatoryStoreContract } from './store.contract.js';

const opened: OpenedBackend[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) await o.close();
});

describe.each(BACKENDS)('the mandatory-module rules on %s', (backend) => {
  mandatoryStoreContract(async () => {
    const o = await openBackend(backend);
    opened.push(o);
    return o.storage.mandatory;
  });
});
