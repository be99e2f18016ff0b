/** The portal admin API: the operator token, and 4xx codes for bodies it cannot read. */
import { describe, expect, it } from 'vitest';
import { registryForFile, rollback } from '../../test/portal-routes.js';
import { admin, XIANTAN } from '../../test/shell.js';

const portal = registryForFile([]);

describe('the admin API', () => {
  it('needs the operator token', async () => {
    await portal.withShell(async (s) => {
      for (const headers of [{}, { authorization: 'Bearer wrong' }]) {
        const res = await s.app.inject({
          method: 'PUT',
          url: `/api/portals/${XIANTAN}`,
          headers,
          payload: {},
        });
        expect(res.statusCode).toBe(401);
        expect(res.json().code).toBe('SHELL_ERR_UNAUTHORIZED');
      }
      const list = await s.app.inject({ url: `/api/portals/${XIANTAN}/versions` });
      expect(list.statusCode).toBe(401);
    });
    await portal.withShell(
      async (s) => {
        const res = await s.app.inject({
          method: 'PUT',
          url: `/api/portals/${XIANTAN}`,
          headers: admin,
          payload: {},
        });
        expect(res.json().error).toMatch(/admin API is disabled/);
      },
      { adminToken: undefined },
    );
  });

  it('answers bad JSON and bad rollback bodies with 4xx codes', async () => {
    await portal.withShell(async (s) => {
      const badJson = await s.app.inject({
        method: 'PUT',
        url: `/api/portals/${XIANTAN}`,
        headers: { ...admin, 'content-type': 'application/json' },
        payload: '{"widgets": [',
      });
      expect(badJson.statusCode).toBe(400);
      expect(badJson.json().code).toBe('SHELL_ERR_BAD_REQUEST');
      const badRollback = await rollback(s, 'latest');
      expect(badRollback.statusCode).toBe(400);
      expect(badRollback.json()).toMatchObject({ code: 'SHELL_ERR_BAD_REQUEST', field: 'version' });
      const nowhere = await s.app.inject({ url: '/api/nothing' });
      expect(nowhere.statusCode).toBe(404);
      expect(nowhere.json().code).toBe('SHELL_ERR_NOT_FOUND');
    });
  });
});
