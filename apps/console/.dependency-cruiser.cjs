const { join } = require('node:path');

/**
 * The console's run of the rules in /.dependency-cruiser.cjs, with the console's own tsconfig: its
 * @redress/kernel is the browser-safe part (src/domain/kernel.ts), its @libs/* the libs' files, its
 * @redress/sdk the SDK's index. The libs are not followed here (their rules are checked by the
 * server-side run); what counts is that the console imports only the kernel, the libs' domain/ files and
 * the SDK but its Node-only webhooks (rule console-is-framework-free).
 */
module.exports = {
  extends: '../../.dependency-cruiser.cjs',
  options: {
    tsConfig: { fileName: join(__dirname, 'tsconfig.json') },
    doNotFollow: { path: ['node_modules', '^libs/'] },
    exclude: { path: ['(^|/)dist/'] },
  },
};
