// file-type ships ES modules whose types are reachable only through package "exports", which the
// project's moduleResolution ("node") ignores; at runtime `require('file-type')` loads it (require(esm)).
declare module 'file-type' {
  export * from 'file-type/source/index';
}
