/**
 * Test harness: the real registry (`buildApp` of `@cunmen/registry`) listening in-process on a free
 * port, with county and province users, and helpers that publish fixture widgets over the npm protocol
 * and approve or yank them over HTTP, as the registry's own tests do. The fixture tarballs are built
 * with a minimal ustar writer.
 */
import { createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { buildApp, openStorage } from '@cunmen/registry';
import { freePort, makeTempDir } from '@cunmen/test-utils';
/** The built files of a fixture widget: a remote entry, its MF manifest (listing `exposes`), one chunk. */
export function assetBodies(exposes) {
    const list = Object.keys(exposes).map((key) => ({ name: key.slice(2), path: key }));
    return {
        'remoteEntry.js': 'export const get = () => null;\n',
        'mf-manifest.json': `${JSON.stringify({ id: 'fixture', exposes: list })}\n`,
        'chunk.1a2b3c4d.js': 'export default function Tile() { return null; }\n',
    };
}
export function sri(body) {
    return `sha384-${createHash('sha384').update(body).digest('base64')}`;
}
function octal(value, width) {
    return `${value.toString(8).padStart(width - 1, '0')}\0`;
}
function tarHeader(path, size) {
    const h = Buffer.alloc(512);
    h.write(path, 0, 100, 'utf8');
    h.write(octal(0o644, 8), 100, 'ascii');
    h.write(octal(0, 8), 108, 'ascii');
    h.write(octal(0, 8), 116, 'ascii');
    h.write(octal(size, 12), 124, 'ascii');
    h.write(octal(1_700_000_000, 12), 136, 'ascii');
    h.write('        ', 148, 'ascii');
    h.write('0', 156, 'ascii');
    h.write('ustar\0', 257, 'ascii');
    h.write('00', 263, 'ascii');
    let sum = 0;
    for (const byte of h)
        sum += byte;
    h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
    return h;
}
function tarball(files) {
    const blocks = [];
    for (const [path, text] of Object.entries(files)) {
        const body = Buffer.from(text);
        blocks.push(tarHeader(path, body.length), body, Buffer.alloc((512 - (body.length % 512)) % 512));
    }
    blocks.push(Buffer.alloc(1024));
    return gzipSync(Buffer.concat(blocks));
}
/** A built manifest with a home tile, a page and a nav entry; `overrides` replace top-level fields. */
export function fixtureManifest(name, version, overrides = {}) {
    const [scope = '', base = ''] = name.slice(1).split('/');
    const manifest = {
        kind: 'widget',
        county: scope === 'cunmen' ? '330000' : scope === 'yiyuan' ? '370323' : '330521',
        ...(scope === 'cunmen' ? { kind: 'standard' } : {}),
        title: { 'zh-CN': '找农机', en: 'Find machinery' },
        description: { 'zh-CN': '查找本村农机手' },
        category: 'agriculture',
        sdk: '^0.1.0',
        exposes: { './Tile': './src/tile.tsx', './Page': './src/page.tsx' },
        contributes: [
            { slot: 'village.home.tile/v1', expose: './Tile', icon: 'tractor' },
            { slot: 'village.page/v1', expose: './Page', route: base, title: { 'zh-CN': '找农机' } },
            { slot: 'village.nav/v1', route: base, title: { 'zh-CN': '农机' } },
        ],
        capabilities: ['store.read'],
        manifestVersion: 1,
        name,
        version,
        budget: { gzip: 4096 },
        remote: { name: base.replace(/-/g, '_'), entry: 'remoteEntry.js', manifest: 'mf-manifest.json' },
        shared: { react: '^19.0.0', '@cunmen/sdk': '^0.1.0' },
        configSchema: {
            $schema: 'https://json-schema.org/draft/2020-12/schema',
            type: 'object',
            properties: {
                radiusKm: { type: 'integer', minimum: 1, maximum: 50 },
                greeting: { type: 'string', maxLength: 40 },
            },
            additionalProperties: false,
        },
        configDefaults: { radiusKm: 10 },
        size: { jsGzip: 1500, totalGzip: 1900, total: 4900 },
        builtWith: { '@cunmen/build': '0.1.0' },
        ...overrides,
    };
    const bodies = assetBodies(manifest.exposes);
    manifest.assets = Object.entries(bodies).map(([path, body]) => ({
        path,
        size: body.length,
        gzip: body.length,
        integrity: sri(body),
        contentType: path.endsWith('.json') ? 'application/json' : 'text/javascript',
    }));
    return { manifest, bodies };
}
const auth = (token) => ({ authorization: `Bearer ${token}` });
export async function startRegistry() {
    const dir = await makeTempDir('cunmen-shell-registry-');
    const storage = await openStorage(dir.path);
    const user = async (name, role, county, scope) => {
        const u = await storage.meta.createUser({ name, role, county, scope });
        const token = `cunmen_${randomBytes(24).toString('base64url')}`;
        await storage.meta.addToken(u.id, createHash('sha256').update(token, 'utf8').digest('hex'));
        return token;
    };
    const tokens = {
        deqing: await user('dq', 'county', '330521', '@deqing'),
        yiyuan: await user('yy', 'county', '370323', '@yiyuan'),
        province: await user('zj', 'province', '330000', '@cunmen'),
    };
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const app = await buildApp({ dataDir: dir.path, storage, publicUrl: url, supportedSdk: '>=0.1.0 <1.0.0' });
    await app.listen({ port, host: '127.0.0.1' });
    const expect = (what, status, res) => {
        if (res.statusCode !== status)
            throw new Error(`${what}: ${res.statusCode} ${res.body}`);
    };
    const r = {
        url,
        app,
        tokens,
        async publish(name, version, overrides = {}) {
            const { manifest, bodies } = fixtureManifest(name, version, overrides);
            const files = {
                'package/package.json': JSON.stringify({ name, version }),
                'package/dist/cunmen.json': JSON.stringify(manifest),
            };
            for (const [path, body] of Object.entries(bodies))
                files[`package/dist/${path}`] = body;
            const tgz = tarball(files);
            const doc = {
                _id: name,
                name,
                'dist-tags': { latest: version },
                versions: {
                    [version]: {
                        name,
                        version,
                        dist: {
                            integrity: `sha512-${createHash('sha512').update(tgz).digest('base64')}`,
                            shasum: createHash('sha1').update(tgz).digest('hex'),
                            tarball: `${url}/${name}/-/x.tgz`,
                        },
                    },
                },
                _attachments: { [`${name}-${version}.tgz`]: { data: tgz.toString('base64'), length: tgz.length } },
            };
            const token = name.startsWith('@cunmen/')
                ? tokens.province
                : name.startsWith('@yiyuan/')
                    ? tokens.yiyuan
                    : tokens.deqing;
            const res = await app.inject({
                method: 'PUT',
                url: `/${name.replace('/', '%2f')}`,
                headers: { ...auth(token), 'content-type': 'application/json' },
                payload: JSON.stringify(doc),
            });
            expect(`publish ${name}@${version}`, 201, res);
        },
        async approve(name, version) {
            const res = await app.inject({
                method: 'POST',
                url: `/-/cunmen/v1/review/${name}/${version}/approve`,
                headers: auth(tokens.province),
                payload: {},
            });
            expect(`approve ${name}@${version}`, 200, res);
        },
        async yank(name, version, reason) {
            const res = await app.inject({
                method: 'POST',
                url: `/-/cunmen/v1/packages/${name}/${version}/yank`,
                headers: auth(tokens.province),
                payload: { reason },
            });
            expect(`yank ${name}@${version}`, 200, res);
        },
        async release(name, version, overrides) {
            await r.publish(name, version, overrides);
            await r.approve(name, version);
        },
        async usage(name) {
            const res = await app.inject({ url: `/-/cunmen/v1/usage/${name}` });
            expect(`usage ${name}`, 200, res);
            return res.json();
        },
        async close() {
            await app.close();
            await storage.meta.close();
            await dir.remove();
        },
    };
    return r;
}
/** A `fetch` that lets a test rewrite the registry's JSON answers (a tampered or failing registry). */
export function tamperingFetch(rewrite) {
    return async (input, init) => {
        const res = await fetch(input, init);
        const url = String(input instanceof Request ? input.url : input);
        if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json'))
            return res;
        const body = rewrite(url, await res.json());
        return new Response(JSON.stringify(body), {
            status: res.status,
            headers: { 'content-type': 'application/json' },
        });
    };
}
//# sourceMappingURL=registry.js.map