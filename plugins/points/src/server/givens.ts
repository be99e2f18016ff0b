/** The states a refused call starts from, for the bad-input and role tables; each returns the ids it names. */
import type { ModuleTestApp } from '@cunmen/module-api/testing';
import { addGoods, adoptRules, householdWith, ok, type Users, uploadPhoto } from './test-helpers.js';

export type Ids = Record<string, string>;

export function givensFor(u: Users) {
  const g = {
    adopted: async (t: ModuleTestApp): Promise<Ids> => {
      await adoptRules(t, u);
      return {};
    },
    /** A pending award claim (`:id`) for H-0012 of V. */
    async pending(t: ModuleTestApp): Promise<Ids> {
      await g.adopted(t);
      await ok(t, u.cadre, 'POST /households', { code: 'H-0012', head: '张阿婆' });
      return { id: (await ok(t, u.cadre, 'POST /claims', { item: 'R01', household: 'H-0012' })).id };
    },
    async approved(t: ModuleTestApp): Promise<Ids> {
      const ids = await g.pending(t);
      await ok(t, u.cadre, `POST /claims/${ids.id}/approve`);
      return ids;
    },
    /** A household of V2 only (H-0500), and V's rule book. */
    async otherVillagesHousehold(t: ModuleTestApp): Promise<Ids> {
      await g.adopted(t);
      await ok(t, u.cadreB, 'POST /households', { code: 'H-0500', head: '外村人' });
      return {};
    },
    /** A photo the neighbour uploaded (`:theirs`). */
    async neighboursPhoto(t: ModuleTestApp): Promise<Ids> {
      await g.adopted(t);
      return { theirs: await uploadPhoto(t, u.neighbour) };
    },
    /** H-0100 with 30 points, goods (`:goods`) at 7 points with 2 in stock. */
    async shop(t: ModuleTestApp): Promise<Ids> {
      await g.adopted(t);
      await householdWith(t, u, 'H-0100', 3);
      return { goods: (await addGoods(t, u, 7, 2)).id };
    },
  };
  return g;
}
