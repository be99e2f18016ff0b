/**
 * Where each host-API call goes and which GRANTED capability it needs: the one table the SDK's HTTP
 * client builds its requests from, the MockHost enforces and the shell server registers its routes and
 * capability checks by.
 *
 * | call             | request                                                   | success                      |
 * | ---------------- | --------------------------------------------------------- | ---------------------------- |
 * | `me`             | `GET /me`                                                 | 200 `{ user: HostUser\|null }` |
 * | `store.list`     | `GET /store/:collection?cursor=&limit=` (newest first)    | 200 `{ items, nextCursor }`  |
 * | `store.get`      | `GET /store/:collection/:id`                              | 200 `StoredDoc`; 404 `SHELL_ERR_NOT_FOUND` |
 * | `store.create`   | `POST /store/:collection` `{ data }`                      | 201 `StoredDoc` (version 1)  |
 * | `store.put`      | `PUT /store/:collection/:id` `{ data, ifVersion? }`       | 200 `StoredDoc`; creates when missing and no ifVersion; 409 `SHELL_ERR_VERSION_CONFLICT` |
 * | `store.remove`   | `DELETE /store/:collection/:id`                           | 204 (also when already gone) |
 * | `forms.submit`   | `POST /forms/:formId` `{ data }`                          | 201 `{ id, receivedAt }`     |
 * | `points.request` | `POST /points/requests` `{ item, householdId?, quantity?, note?, evidence? }` | 201 `{ id, status: 'pending' }` |
 * | `media.upload`   | `POST /media`, raw bytes, `content-type: <image type>`, `x-filename: <percent-encoded name>`, `x-collection?` | 201 `{ id, url }` |
 * | `media.get`      | `GET /media/:id` (the photo, if the collection's visibility lets the caller see it) | 200 the bytes |
 *
 * Every route is under {@link HOST_API_PATH} and carries `authorization: Bearer <widget credential>`
 * from {@link WIDGET_TOKEN_PATH}; bodies are JSON except the upload. The filename header is
 * percent-encoded because header values cannot carry Chinese characters.
 */

export const HOST_API_PATH = '/api/host/v1';
/**
 * Where a widget's credential is renewed (`authorization: Bearer <its current credential>`, session
 * cookie, same origin): a widget renews only the credential it holds.
 */
export const WIDGET_TOKEN_PATH = `${HOST_API_PATH}/widget-token`;
/**
 * Where the shell's boot code exchanges the page load's ticket (an HttpOnly cookie set on the portal
 * page, single use) for the credentials of every widget placed in the page, in one request.
 */
export const WIDGET_TOKENS_PATH = `${HOST_API_PATH}/widget-tokens`;
/** Standard modules' own routes: `/api/modules/<id><path>`, with the same widget credential. */
export const MODULE_API_PATH = '/api/modules';
/** The header that carries an upload's percent-encoded file name. */
export const FILENAME_HEADER = 'x-filename';
/** The optional header naming the store collection a photo belongs to (it takes its visibility). */
export const COLLECTION_HEADER = 'x-collection';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HostRoute {
  method: HttpMethod;
  /** Relative to {@link HOST_API_PATH}, with `:name` parameters. */
  path: string;
  capability: string;
}

export const HOST_ROUTES = {
  me: { method: 'GET', path: '/me', capability: 'user.read' },
  'store.list': { method: 'GET', path: '/store/:collection', capability: 'store.read' },
  'store.get': { method: 'GET', path: '/store/:collection/:id', capability: 'store.read' },
  'store.create': { method: 'POST', path: '/store/:collection', capability: 'store.write' },
  'store.put': { method: 'PUT', path: '/store/:collection/:id', capability: 'store.write' },
  'store.remove': { method: 'DELETE', path: '/store/:collection/:id', capability: 'store.write' },
  'forms.submit': { method: 'POST', path: '/forms/:formId', capability: 'form.submit' },
  'points.request': { method: 'POST', path: '/points/requests', capability: 'points.request' },
  'media.upload': { method: 'POST', path: '/media', capability: 'media.upload' },
  'media.get': { method: 'GET', path: '/media/:id', capability: 'store.read' },
} as const satisfies Record<string, HostRoute>;

export type HostRouteName = keyof typeof HOST_ROUTES;

/** The calls to a standard module's own routes, all under the one `module.api` capability. */
const MODULE_CALLS = {
  'module.request': 'module.api',
  'module.upload': 'module.api',
  'module.download': 'module.api',
} as const;

type RouteCapabilities = { readonly [K in HostRouteName]: (typeof HOST_ROUTES)[K]['capability'] };

/** Which capability each host-API method needs (the server checks it before reading the body). */
export const METHOD_CAPABILITIES: RouteCapabilities & typeof MODULE_CALLS = Object.freeze({
  ...(Object.fromEntries(
    Object.entries(HOST_ROUTES).map(([name, route]) => [name, route.capability]),
  ) as RouteCapabilities),
  ...MODULE_CALLS,
});

export type HostApiMethod = keyof typeof METHOD_CAPABILITIES;

/** A route's path with its `:name` parameters filled in, percent-encoded. */
export function hostPath(route: HostRoute, params: Readonly<Record<string, string>> = {}): string {
  return route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`hostPath: no value for :${name} in ${route.path}`);
    return encodeURIComponent(value);
  });
}

/**
 * Where an uploaded photo is served: with the same widget's credential, to whoever may read the
 * collection it was uploaded for (`media.get` in the SDK turns it into a Blob an `<img>` can show).
 */
export function mediaUrl(id: string): string {
  return `${HOST_API_PATH}/media/${encodeURIComponent(id)}`;
}
