// Types of scripts/build.mjs for the TypeScript that imports it (tests, benchmarks).
export declare const ROOT: string;
export declare const DIST: string;
export declare const VIEWER_DIST: string;
export declare const CLI_BUNDLE: string;
/** Builds the stale parts (all of them with `force`); resolves to the names of the parts built ('library', 'viewer'). */
export declare function build(options?: { force?: boolean; quiet?: boolean }): Promise<string[]>;
