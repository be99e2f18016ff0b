/**
 * The registry's authorisation table: for every state-changing route, who may call it and a request that
 * would succeed for them. The matrix test (src/routes/authorization-matrix.test.ts) lists the routes
 * from Fastify's `onRoute` hook, so a new route without a row here fails it.
 */
import { publishDocument } from '@cunmen/test-utils';
import { widgetTarball } from './fixtures.js';

/**
 * Who calls: no token, a county for the target's scope, another county, the province, a user with no
 * scope, and a shell's usage-reporter token.
 */
export type MatrixRole =
  | 'anonymous'
  | 'countyOwn'
  | 'countyOther'
  | 'province'
  | 'readOnly'
  | 'usageReporter';
export const MATRIX_ROLES: readonly MatrixRole[] = [
  'anonymous',
  'countyOwn',
  'countyOther',
  'province',
  'readOnly',
  'usageReporter',
];

/** The package a request acts on: the fixture's, or one that does not exist in the same scope. */
export interface Target {
  name: string;
  /** `@scope%2fname`, as npm sends it in one segment. */
  enc: string;
}

export interface MatrixRequest {
  method: 'PUT' | 'POST' | 'DELETE';
  url: string;
  payload?: string | Record<string, unknown>;
  contentType?: string;
}

export interface Variant {
  /** What the request does, when a route does more than one thing. */
  label: string;
  allowed: readonly MatrixRole[];
  request: (target: Target) => MatrixRequest;
  /** The status an allowed caller gets on the fixture (a 4xx only where the route's own rules say so). */
  okStatus: number;
}

export type TableRow =
  | { variants: Variant[] }
  /** A route whose own input is the credential (a password): open to every caller by design. */
  | { public: string };

const json = 'application/json';
const reviewUrl = (t: Target, version: string, action: string) =>
  `/-/cunmen/v1/review/${t.name}/${version}/${action}`;

/** A publish of a new version, as npm sends it. */
function publish(url: (t: Target) => string): Variant {
  return {
    label: 'publish',
    allowed: ['countyOwn'],
    okStatus: 201,
    request: (t) => ({
      method: 'PUT',
      url: url(t),
      contentType: json,
      payload: JSON.stringify(publishDocument(t.name, '2.0.0', widgetTarball(t.name, '2.0.0'))),
    }),
  };
}

/** npm deprecate: the packument written back with a message on 1.0.0. */
function deprecate(url: (t: Target) => string): Variant {
  return {
    label: 'deprecate',
    allowed: ['countyOwn', 'province'],
    okStatus: 200,
    request: (t) => ({
      method: 'PUT',
      url: url(t),
      contentType: json,
      payload: JSON.stringify({
        name: t.name,
        versions: { '1.0.0': { deprecated: 'use 1.1.0' }, '1.1.0': {}, '1.3.0': {} },
      }),
    }),
  };
}

/** Keyed `<METHOD> <url pattern>` exactly as Fastify registers the route. */
export const AUTHORIZATION_TABLE: Record<string, TableRow> = {
  'PUT /-/user/:user': { public: 'npm login (legacy): the password is the credential' },
  'POST /-/v1/login': { public: 'starts a web login; nothing is granted until a password is given' },
  'POST /-/login/:id': { public: 'the web-login form: the password is the credential' },
  'POST /-/cunmen/v1/review/:scope/:pkg/:version/approve': {
    variants: [
      {
        label: 'approve',
        allowed: ['province'],
        okStatus: 200,
        request: (t) => ({ method: 'POST', url: reviewUrl(t, '1.2.0', 'approve'), payload: {} }),
      },
    ],
  },
  'POST /-/cunmen/v1/review/:scope/:pkg/:version/reject': {
    variants: [
      {
        label: 'reject',
        allowed: ['province'],
        okStatus: 200,
        request: (t) => ({ method: 'POST', url: reviewUrl(t, '1.2.0', 'reject'), payload: { reason: 'x' } }),
      },
    ],
  },
  'POST /-/cunmen/v1/packages/:scope/:pkg/:version/yank': {
    variants: [
      {
        label: 'yank',
        allowed: ['countyOwn', 'province'],
        okStatus: 200,
        request: (t) => ({
          method: 'POST',
          url: `/-/cunmen/v1/packages/${t.name}/1.0.0/yank`,
          payload: { reason: 'x' },
        }),
      },
    ],
  },
  'POST /-/cunmen/v1/packages/:scope/:pkg/standard': {
    variants: [
      {
        label: 'mark standard',
        allowed: ['province'],
        // Only @cunmen/… packages can be standard: the province passes authorisation, then the rule.
        okStatus: 400,
        request: (t) => ({
          method: 'POST',
          url: `/-/cunmen/v1/packages/${t.name}/standard`,
          payload: { standard: true },
        }),
      },
    ],
  },
  'PUT /-/package/:pkg/dist-tags/:tag': {
    variants: [
      {
        label: 'dist-tag add',
        allowed: ['countyOwn'],
        okStatus: 201,
        request: (t) => ({
          method: 'PUT',
          url: `/-/package/${t.enc}/dist-tags/next`,
          contentType: json,
          payload: '"1.0.0"',
        }),
      },
    ],
  },
  'DELETE /-/package/:pkg/dist-tags/:tag': {
    variants: [
      {
        label: 'dist-tag rm',
        allowed: ['countyOwn'],
        okStatus: 200,
        request: (t) => ({ method: 'DELETE', url: `/-/package/${t.enc}/dist-tags/beta` }),
      },
    ],
  },
  'PUT /:pkg': { variants: [publish((t) => `/${t.enc}`), deprecate((t) => `/${t.enc}`)] },
  'PUT /:scope/:pkg': { variants: [publish((t) => `/${t.name}`), deprecate((t) => `/${t.name}`)] },
  'PUT /:pkg/-rev/:rev': {
    variants: [
      {
        label: 'unpublish a version',
        allowed: ['countyOwn', 'province'],
        okStatus: 200,
        request: (t) => ({
          method: 'PUT',
          url: `/${t.enc}/-rev/1-x`,
          contentType: json,
          payload: JSON.stringify({ name: t.name, versions: { '1.0.0': {}, '1.3.0': {} } }),
        }),
      },
    ],
  },
  'DELETE /:pkg/-rev/:rev': {
    variants: [
      {
        label: 'unpublish the package',
        allowed: ['countyOwn', 'province'],
        okStatus: 200,
        request: (t) => ({ method: 'DELETE', url: `/${t.enc}/-rev/1-x` }),
      },
    ],
  },
  'DELETE /:scope/:pkg/-/:file/-rev/:rev': {
    variants: [
      {
        label: 'remove an unpublished tarball',
        allowed: ['countyOwn', 'province'],
        okStatus: 200,
        request: (t) => ({
          method: 'DELETE',
          url: `/${t.name}/-/${t.name.split('/')[1]}-1.4.0.tgz/-rev/1-x`,
        }),
      },
    ],
  },
  'POST /-/cunmen/v1/usage': {
    variants: [
      {
        label: 'report portal usage',
        allowed: ['province', 'usageReporter'],
        okStatus: 200,
        request: (t) => ({
          method: 'POST',
          url: '/-/cunmen/v1/usage',
          payload: { village: '330521001001', widgets: [{ name: t.name, version: '1.0.0' }] },
        }),
      },
    ],
  },
};
