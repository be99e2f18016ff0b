import type { FastifyInstance } from 'fastify';
/** The built files of a fixture widget: a remote entry, its MF manifest (listing `exposes`), one chunk. */
export declare function assetBodies(exposes: Record<string, string>): Record<string, string>;
export declare function sri(body: string | Buffer): string;
/** A built manifest with a home tile, a page and a nav entry; `overrides` replace top-level fields. */
export declare function fixtureManifest(name: string, version: string, overrides?: Record<string, unknown>): {
    manifest: Record<string, unknown>;
    bodies: Record<string, string>;
};
export interface TestRegistry {
    url: string;
    app: FastifyInstance;
    tokens: {
        deqing: string;
        yiyuan: string;
        province: string;
    };
    publish(name: string, version: string, overrides?: Record<string, unknown>): Promise<void>;
    approve(name: string, version: string): Promise<void>;
    yank(name: string, version: string, reason: string): Promise<void>;
    /** Publishes and approves. */
    release(name: string, version: string, overrides?: Record<string, unknown>): Promise<void>;
    usage(name: string): Promise<{
        versions: {
            version: string;
            villages: number;
        }[];
    }>;
    close(): Promise<void>;
}
export declare function startRegistry(): Promise<TestRegistry>;
/** A `fetch` that lets a test rewrite the registry's JSON answers (a tampered or failing registry). */
export declare function tamperingFetch(rewrite: (url: string, body: unknown) => unknown): typeof fetch;
//# sourceMappingURL=registry.d.ts.map