import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { CapabilityDeniedError } from './errors.js';
import { createEventHub, type EventMeta } from './events.js';
import type { WidgetInfo } from './types.js';

// What a widget writes to type its own events (declaration merging on the public module).
declare module '@cunmen/sdk' {
  interface CunmenEvents {
    'waste.booked': { id: string };
  }
}

const publisher: WidgetInfo = {
  name: '@deqing/waste-booking',
  version: '1.0.0',
  capabilities: ['events.publish'],
};
const listener: WidgetInfo = { name: '@deqing/points-board', version: '1.0.0', capabilities: [] };

describe('event bus', () => {
  it('delivers a published event to subscribers of other widgets, with the source', () => {
    const hub = createEventHub();
    const seen: Array<[unknown, EventMeta]> = [];
    hub.forWidget(listener).subscribe('waste.booked', (payload, meta) => {
      expectTypeOf(payload).toEqualTypeOf<{ id: string }>();
      seen.push([payload, meta]);
    });
    hub.forWidget(publisher).publish('waste.booked', { id: 'b1' });
    expect(seen).toEqual([[{ id: 'b1' }, { name: 'waste.booked', source: '@deqing/waste-booking' }]]);
  });

  it('publish without events.publish throws CapabilityDeniedError and delivers nothing', () => {
    const hub = createEventHub();
    const handler = vi.fn();
    hub.subscribe('waste.booked', handler);
    expect(() => hub.forWidget(listener).publish('waste.booked', { id: 'b1' })).toThrow(
      CapabilityDeniedError,
    );
    try {
      hub.forWidget(listener).publish('waste.booked', { id: 'b1' });
    } catch (error) {
      expect(error).toMatchObject({ code: 'SDK_ERR_CAPABILITY_DENIED', capability: 'events.publish' });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('subscribing needs no capability', () => {
    const hub = createEventHub();
    const handler = vi.fn();
    hub.forWidget(listener).subscribe('elderly.changed', handler);
    hub.emit('elderly.changed', { elderly: true });
    expect(handler).toHaveBeenCalledWith({ elderly: true }, { name: 'elderly.changed', source: 'host' });
  });

  it('a throwing handler does not stop the others, and is reported', () => {
    const errors: unknown[] = [];
    const hub = createEventHub({ onHandlerError: (error) => errors.push(error) });
    const before = vi.fn();
    const after = vi.fn();
    hub.subscribe('waste.booked', before);
    hub.subscribe('waste.booked', () => {
      throw new Error('boom');
    });
    hub.subscribe('waste.booked', after);
    expect(() => hub.forWidget(publisher).publish('waste.booked', { id: 'b1' })).not.toThrow();
    expect(before).toHaveBeenCalledTimes(1);
    expect(after).toHaveBeenCalledTimes(1);
    expect(errors).toEqual([new Error('boom')]);
  });

  it('reports to console.error by default', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const hub = createEventHub();
    hub.subscribe('navigation', () => {
      throw new Error('bad handler');
    });
    hub.emit('navigation', { to: '/' });
    expect(spy).toHaveBeenCalledWith(
      '[cunmen] handler for event "navigation" threw',
      new Error('bad handler'),
    );
    spy.mockRestore();
  });

  it('each handler gets its own copy of the payload', () => {
    const hub = createEventHub();
    const received: Array<{ id: string }> = [];
    hub.subscribe('waste.booked', (payload) => {
      payload.id = 'changed by a rogue widget';
    });
    hub.subscribe('waste.booked', (payload) => received.push(payload));
    const payload = { id: 'b1' };
    hub.forWidget(publisher).publish('waste.booked', payload);
    expect(received).toEqual([{ id: 'b1' }]);
    expect(payload).toEqual({ id: 'b1' });
  });

  it('unsubscribe stops delivery; the same function subscribed twice is two subscriptions', () => {
    const hub = createEventHub();
    const handler = vi.fn();
    const first = hub.subscribe('waste.booked', handler);
    hub.subscribe('waste.booked', handler);
    hub.emit('waste.booked', { id: '1' });
    expect(handler).toHaveBeenCalledTimes(2);
    first();
    hub.emit('waste.booked', { id: '2' });
    expect(handler).toHaveBeenCalledTimes(3);
  });

  it('a handler unsubscribing during dispatch does not skip the next handler', () => {
    const hub = createEventHub();
    const second = vi.fn();
    const stop = hub.subscribe('waste.booked', () => stop());
    hub.subscribe('waste.booked', second);
    hub.emit('waste.booked', { id: '1' });
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('widgets cannot publish the host-only events', () => {
    const hub = createEventHub();
    expect(() => hub.forWidget(publisher).publish('navigation', { to: '/' })).toThrow(
      expect.objectContaining({ code: 'SDK_ERR_INVALID_ARGUMENT' }),
    );
    expect(() => hub.forWidget(publisher).publish('elderly.changed', { elderly: true })).toThrow(
      expect.objectContaining({ code: 'SDK_ERR_INVALID_ARGUMENT' }),
    );
  });

  it('rejects payloads that are not JSON', () => {
    const hub = createEventHub();
    expect(() =>
      hub.forWidget(publisher).publish('waste.booked', { id: 1n } as unknown as { id: string }),
    ).toThrow(expect.objectContaining({ code: 'SDK_ERR_INVALID_ARGUMENT' }));
  });
});
