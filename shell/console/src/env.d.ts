/** Stylesheets are bundled by rsbuild; TypeScript only needs to know they exist. */
declare module '*.css';

/** rsbuild's `?url` query: the emitted file's URL (content-hashed under /console/static/). */
declare module '*.svg?url' {
  const url: string;
  export default url;
}
