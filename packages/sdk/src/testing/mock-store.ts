/**
 * The MockHost's data: the widget's documents (newest-first pages, versions), its form submissions and
 * points requests, and elderly mode, optionally persisted to a `Storage` (e.g. `localStorage`) so a dev
 * page keeps them across reloads.
 */
import type { FormReceipt, PointsRequest, PointsRequestReceipt } from '../core/host-api.js';
import type { StoredDoc } from '../core/types.js';

/** Storage the mock can persist to (`localStorage`, `sessionStorage`, or your own). */
export type MockStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

interface Entry {
  seq: number;
  id: string;
  json: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface MockSubmission extends FormReceipt {
  formId: string;
  data: unknown;
}

export interface MockPointsRequest extends PointsRequestReceipt {
  request: PointsRequest;
  requestedAt: string;
}

interface PersistedState {
  format: 1;
  seq: number;
  collections: Record<string, Entry[]>;
  submissions: Array<Omit<MockSubmission, 'data'> & { json: string }>;
  pointsRequests: MockPointsRequest[];
  elderly?: boolean;
}

function emptyState(): PersistedState {
  return { format: 1, seq: 0, collections: {}, submissions: [], pointsRequests: [] };
}

function loadState(storage: MockStorage | undefined, key: string): PersistedState {
  if (!storage) return emptyState();
  const text = storage.getItem(key);
  if (text === null) return emptyState();
  try {
    const state = JSON.parse(text) as PersistedState;
    if (state?.format === 1 && typeof state.seq === 'number' && typeof state.collections === 'object')
      return state;
  } catch {
    // fall through
  }
  console.warn(`[cunmen] ignoring unreadable MockHost data under "${key}"`);
  return emptyState();
}

function toDoc<T>(entry: Entry): StoredDoc<T> {
  return {
    id: entry.id,
    data: JSON.parse(entry.json) as T,
    version: entry.version,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
  };
}

/** What `put` found: the new document, or a version conflict with the version it is at. */
export type PutResult<T> = { ok: true; doc: StoredDoc<T> } | { ok: false; current: number | undefined };

export class MockStore {
  private state: PersistedState;
  /** Live arrays the host hands out as `submissions` and `pointsRequests`. */
  readonly submissions: MockSubmission[];
  readonly pointsRequests: MockPointsRequest[];

  constructor(
    private readonly storage: MockStorage | undefined,
    private readonly key: string,
    private readonly now: () => Date,
  ) {
    this.state = loadState(storage, key);
    this.submissions = this.state.submissions.map(({ json, ...receipt }) => ({
      ...receipt,
      data: JSON.parse(json),
    }));
    this.pointsRequests = [...this.state.pointsRequests];
  }

  get elderly(): boolean | undefined {
    return this.state.elderly;
  }

  set elderly(value: boolean) {
    this.state.elderly = value;
    this.save();
  }

  save(): void {
    if (!this.storage) return;
    this.state.submissions = this.submissions.map(({ data, ...receipt }) => ({
      ...receipt,
      json: JSON.stringify(data),
    }));
    this.state.pointsRequests = this.pointsRequests;
    try {
      this.storage.setItem(this.key, JSON.stringify(this.state));
    } catch (error) {
      console.warn('[cunmen] MockHost could not persist its data', error);
    }
  }

  /** Forgets everything but elderly mode, also in the storage. */
  reset(): void {
    const elderly = this.state.elderly;
    this.state = emptyState();
    if (elderly !== undefined) this.state.elderly = elderly;
    this.submissions.length = 0;
    this.pointsRequests.length = 0;
    this.storage?.removeItem(this.key);
  }

  /** Adds documents as if created in order (the last one is the newest). */
  seed<T>(collection: string, jsons: readonly string[]): StoredDoc<T>[] {
    const docs = jsons.map((json) => toDoc<T>(this.insert(collection, this.newId(collection), json)));
    this.save();
    return docs;
  }

  /** A page, newest first, of documents created before `before`; `next` is where the next page starts. */
  list<T>(collection: string, before: number, limit: number): { items: StoredDoc<T>[]; next: number | null } {
    const newestFirst = this.entries(collection)
      .filter((e) => e.seq < before)
      .sort((a, b) => b.seq - a.seq);
    const items = newestFirst.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((e) => toDoc<T>(e)),
      next: newestFirst.length > limit && last ? last.seq : null,
    };
  }

  get<T>(collection: string, id: string): StoredDoc<T> | null {
    const entry = this.entries(collection).find((e) => e.id === id);
    return entry ? toDoc<T>(entry) : null;
  }

  create<T>(collection: string, json: string): StoredDoc<T> {
    const doc = toDoc<T>(this.insert(collection, this.newId(collection), json));
    this.save();
    return doc;
  }

  /** Replaces (or, without `ifVersion`, creates) a document. */
  put<T>(collection: string, id: string, json: string, ifVersion: number | undefined): PutResult<T> {
    const entry = this.entries(collection).find((e) => e.id === id);
    if (ifVersion !== undefined && entry?.version !== ifVersion)
      return { ok: false, current: entry?.version };
    let written: Entry;
    if (entry) {
      entry.json = json;
      entry.version += 1;
      entry.updatedAt = this.now().toISOString();
      written = entry;
    } else {
      written = this.insert(collection, id, json);
    }
    this.save();
    return { ok: true, doc: toDoc<T>(written) };
  }

  remove(collection: string, id: string): void {
    const list = this.entries(collection);
    const index = list.findIndex((e) => e.id === id);
    if (index < 0) return;
    list.splice(index, 1);
    this.save();
  }

  /** The collection's documents, newest first (copies). */
  docs<T>(collection: string): StoredDoc<T>[] {
    return this.entries(collection)
      .slice()
      .sort((a, b) => b.seq - a.seq)
      .map((e) => toDoc<T>(e));
  }

  private entries(collection: string): Entry[] {
    let list = this.state.collections[collection];
    if (!list) {
      list = [];
      this.state.collections[collection] = list;
    }
    return list;
  }

  private insert(collection: string, id: string, json: string): Entry {
    const at = this.now().toISOString();
    this.state.seq += 1;
    const entry: Entry = { seq: this.state.seq, id, json, version: 1, createdAt: at, updatedAt: at };
    this.entries(collection).push(entry);
    return entry;
  }

  private newId(collection: string): string {
    let n = this.state.seq + 1;
    while (this.entries(collection).some((e) => e.id === `doc-${n}`)) n += 1;
    return `doc-${n}`;
  }
}
