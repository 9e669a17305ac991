/// <reference types="vite/client" />

/** The world outlines projected at build time (viewer/build/world-outlines-plugin.ts): a JSON file's URL. */
declare module 'virtual:world-outlines/*' {
  const url: string;
  export default url;
}
