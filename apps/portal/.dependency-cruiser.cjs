const { join } = require('node:path');

/**
 * The appeal page's run of the rules in /.dependency-cruiser.cjs, with the portal's own tsconfig (its
 * @redress/sdk is libs/sdk/index.ts). The libs are not followed here (the server-side run checks them);
 * what counts is rule portal-is-browser-safe: the SDK's browser-safe files, the libs' domain/ files,
 * preact and nothing of the server.
 */
module.exports = {
  extends: '../../.dependency-cruiser.cjs',
  options: {
    tsConfig: { fileName: join(__dirname, 'tsconfig.json') },
    doNotFollow: { path: ['node_modules', '^libs/'] },
    exclude: { path: ['(^|/)dist/'] },
  },
};
