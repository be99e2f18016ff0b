import type { FastifyInstance } from 'fastify';
import { type ShellOptions } from '../src/app.js';
export declare const ADMIN_TOKEN = "test-operator-token-0123456789";
export declare const XIANTAN = "330521107201";
export declare const WUSI = "330521003201";
export declare const admin: {
    authorization: string;
};
export declare const WEB_INDEX = "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\"><title>\u6751\u95E8</title><!--cunmen:snapshot--><script type=\"module\" src=\"/shell/static/main.1a2b3c4d.js\"></script></head>\n<body><div id=\"root\"></div></body></html>\n";
export interface TestShell {
    app: FastifyInstance;
    dataDir: string;
    webDist: string;
    close(): Promise<void>;
}
/** A fake `shell/web/dist`: index.html with the placeholder and one hashed script. */
export declare function writeWebDist(dir: string): void;
export declare function startShell(options?: Partial<ShellOptions>): Promise<TestShell>;
/** A config placing find-machinery's tile, page and nav entry. */
export declare function machineryConfig(version?: string, extra?: Record<string, unknown>): {
    title: {
        'zh-CN': string;
    };
    widgets: {
        name: string;
        version: string;
        config: {
            radiusKm: number;
        };
        placements: ({
            slot: string;
            expose?: undefined;
            route?: undefined;
        } | {
            slot: string;
            expose: string;
            route: string;
        } | {
            slot: string;
            route: string;
            expose?: undefined;
        })[];
    }[];
};
//# sourceMappingURL=shell.d.ts.map