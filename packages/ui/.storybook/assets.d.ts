/** rsbuild's `?raw` query: the file's text. */
declare module '*.svg?raw' {
  const text: string;
  export default text;
}
