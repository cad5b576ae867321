// Where the build goes. Deploys use the defaults; the local stack's test runs build into
// their own stack folder so that parallel test stacks never overwrite each other's build.
const buildRoot = process.env.REMIX_BUILD_ROOT;

/** Remix classic compiler. @type {import('@remix-run/dev').AppConfig} */
export default {
  appDirectory: 'app',
  // The app's own HTTP server (server.ts), compiled with the app into serverBuildPath: `node build/index.js` serves it.
  server: './server.ts',
  assetsBuildDirectory: buildRoot ? `${buildRoot}/public/build` : 'public/build',
  publicPath: '/build/',
  serverBuildPath: buildRoot ? `${buildRoot}/build/index.js` : 'build/index.js',
  serverModuleFormat: 'esm',
  serverPlatform: 'node',
  ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}'],
  // postgres.js and supabase-js are Node packages; bundle nothing that must stay external.
  serverDependenciesToBundle: [],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: true,
    v3_lazyRouteDiscovery: true,
  },
};
