// Types of build.mjs for the TypeScript tests that import it.
export const ROOT: string;
export const OUT_DIR: string;
export const OUT_FILE: string;
export function buildMapEmbed(): Promise<string>;
