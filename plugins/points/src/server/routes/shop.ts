/** The points shop: goods for everyone in the portal, stocked by the committee, redeemed by the merchant. */
import { callerOf, param, parseInput } from '@cunmen/module-api';
import { goodsBodySchema, goodsUpdateSchema, redeemBodySchema } from '../../common/index.js';
import { committeeOf, merchantOf } from '../access.js';
import type { PointsRoute } from '../context.js';
import { toGoods } from '../rows.js';
import { addGoods, findGoods, redeem } from '../shop.js';

export const shopRoutes: PointsRoute[] = [
  {
    method: 'GET',
    url: '/goods',
    async handler(c, request) {
      const { village } = callerOf(request);
      const rows = await c.db
        .selectFrom('points_goods')
        .selectAll()
        .where('village', '=', village)
        .orderBy('price')
        .orderBy('name')
        .execute();
      return { items: rows.map(toGoods) };
    },
  },
  {
    method: 'POST',
    url: '/goods',
    async handler(c, request, reply) {
      const { user, village, ip } = committeeOf(request);
      const body = parseInput(goodsBodySchema, request.body);
      const row = await addGoods(c, village, body);
      await c.audit.append({
        actor: user.name,
        action: 'goods.add',
        subject: `goods:${row.id}`,
        detail: body,
        ip,
      });
      reply.code(201);
      return toGoods(row);
    },
  },
  {
    method: 'PUT',
    url: '/goods/:id',
    async handler(c, request) {
      const { user, village, ip } = committeeOf(request);
      const body = parseInput(goodsUpdateSchema, request.body);
      const row = await findGoods(c.db, village, param(request, 'id'));
      const set = {
        ...(body.price === undefined ? {} : { price: body.price }),
        ...(body.stock === undefined ? {} : { stock: body.stock }),
        ...(body.active === undefined ? {} : { active: body.active ? 1 : 0 }),
        updated_at: c.nowIso(),
      };
      await c.db.updateTable('points_goods').set(set).where('id', '=', row.id).execute();
      await c.audit.append({
        actor: user.name,
        action: 'goods.update',
        subject: `goods:${row.id}`,
        detail: body,
        ip,
      });
      return toGoods(await findGoods(c.db, village, row.id));
    },
  },
  {
    method: 'POST',
    url: '/redeem',
    async handler(c, request, reply) {
      const { user, village, ip } = merchantOf(request);
      const body = parseInput(redeemBodySchema, request.body);
      const done = await redeem(c, village, { ...body, merchant: user.name });
      await c.audit.append({
        actor: user.name,
        action: 'goods.redeem',
        subject: `household:${village}:${body.household}`,
        detail: {
          goods: body.goods,
          quantity: body.quantity,
          points: done.entry.points,
          seq: done.entry.seq,
        },
        ip,
      });
      reply.code(201);
      return {
        seq: done.entry.seq,
        points: done.entry.points,
        redeemable: done.redeemable,
        stock: done.stock,
      };
    },
  },
];
