// What a widget may not do with the host API and the session it runs beside (issue #14, points 2 and 3).
// Raw fetch() stands for code review missed; the host object is the widget's own, legitimate API.

const TARGET_DOC = 'planted-secret';

async function answer(response) {
  const body = await response.json().catch(() => null);
  return {
    status: response.status,
    code: response.ok ? 'OK' : (body?.code ?? `HTTP ${response.status}`),
    issued: Boolean(body?.token || body?.credentials),
  };
}

const postJson = (url, body) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(answer);

/** The refusal's code of a host call, or 'OK' with what it answered. */
async function viaHost(call) {
  try {
    return { code: 'OK', value: await call() };
  } catch (error) {
    return { code: error?.code ?? 'THROWN' };
  }
}

/** The photo and document ids the suite planted, from the public board (anybody may read it). */
async function planted(host) {
  const board = await host.api.store.list('board');
  return board.items.find((d) => d.id === 'pointers')?.data ?? {};
}

export const HOST_ATTEMPTS = [
  {
    // Another county's widget, by name, the way credentials were minted before tickets.
    name: 'mintOtherWidget',
    run: ({ village }) =>
      postJson('/api/host/v1/widget-token', { village, widget: '@yiyuan/waste-pickup', version: '0.1.0' }),
  },
  {
    // A standard module's credential: its server routes would act for the signed-in resident.
    name: 'mintStandardModule',
    run: ({ village }) =>
      postJson('/api/host/v1/widget-token', { village, widget: '@cunmen/complaints', version: '0.1.0' }),
  },
  {
    // The page's exchange again: the boot code already spent the ticket.
    name: 'replayPageExchange',
    run: ({ village }) => postJson('/api/host/v1/widget-tokens', { village }),
  },
  {
    // A fresh page load by fetch(), to get a new ticket, then the exchange.
    name: 'fetchPageForTicket',
    run: async ({ village }) => {
      const page = await fetch(`/v/${village}/`);
      const exchanged = await postJson('/api/host/v1/widget-tokens', { village });
      return { ...exchanged, pageStatus: page.status };
    },
  },
  {
    // A staff route riding on the resident's session: save the village's portal empty.
    name: 'staffPortalSave',
    run: ({ village }) =>
      fetch(`/api/portals/${village}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ widgets: [] }),
      }).then(answer),
  },
  {
    // The household register (names, ID-card numbers) with the resident's session.
    name: 'staffHouseholds',
    run: ({ village }) => fetch(`/api/villages/${village}/households`).then(answer),
  },
  {
    // The CSRF token a page script could read before: GET /api/auth/me must not carry it.
    name: 'readCsrfToken',
    run: async () => {
      const response = await fetch('/api/auth/me');
      const body = await response.json().catch(() => ({}));
      return { code: typeof body.csrfToken === 'string' ? 'LEAKED' : 'NONE', status: response.status };
    },
  },
  {
    // Another resident's document in an `owner` collection: by id, and in the list.
    name: 'readOthersOwnerDoc',
    run: async ({ host }) => {
      const got = await viaHost(() => host.api.store.get('secrets', TARGET_DOC));
      const listed = await viaHost(() => host.api.store.list('secrets'));
      return {
        // The SDK answers a 404 with null: the document is as absent as a missing one.
        code: got.code === 'OK' && got.value === null ? 'SHELL_ERR_NOT_FOUND' : got.code,
        listCode: listed.code,
        listed: listed.code === 'OK' && listed.value.items.some((d) => d.id === TARGET_DOC),
      };
    },
  },
  {
    // A `village` collection: only signed-in residents of the village may read it.
    name: 'readVillageCollection',
    run: async ({ host }) => {
      const listed = await viaHost(() => host.api.store.list('notices'));
      return { code: listed.code, count: listed.code === 'OK' ? listed.value.items.length : 0 };
    },
  },
  {
    // Another resident's photo (`owner`): through the host API, and by its URL without a credential.
    name: 'fetchOthersPhoto',
    run: async ({ host }) => {
      const { photo } = await planted(host);
      const viaApi = await viaHost(() => host.api.media.get(photo));
      const bare = await fetch(`/api/host/v1/media/${photo}`).then(answer);
      return { code: viaApi.code, bareCode: bare.code, photo: Boolean(photo) };
    },
  },
];
