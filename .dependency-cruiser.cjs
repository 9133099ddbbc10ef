/**
 * The module boundaries of ARCHITECTURE.md, enforced (`npm run lint` runs this after ESLint):
 * an import that breaks one fails the build. Paths are relative to the repository root.
 */
const MODULE = '^src/modules/([^/]+)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'module-imports-server',
      comment: 'Modules never reach back into assembly: errors, principals and shared schemas live in src/platform/.',
      severity: 'error',
      from: { path: MODULE },
      to: { path: '^src/server/' },
    },
    {
      name: 'platform-imports-a-module',
      comment: 'src/platform/ is the kernel every module uses; it knows no module, no assembly, no command line.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(modules|server|cli|demo)/' },
    },
    {
      name: 'module-imports-another-modules-internals',
      comment:
        'A module reaches another only through its service (reads and changes), its schemas (DTOs), its policy ' +
        '(who may do what) or its plugin: never its repository, engine or other internals.',
      severity: 'error',
      from: { path: MODULE },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '\\.(service|schemas|policy|plugin)\\.ts$'] },
    },
    {
      name: 'repository-outside-its-module',
      comment: 'Only a module itself uses its repository (the CLI, the demo, the server, tests and benches go through services).',
      severity: 'error',
      from: { path: '^(src/(cli|demo|server|platform)|test|bench|scripts)/' },
      to: { path: '\\.repository\\.ts$' },
    },
    {
      name: 'server-imports-more-than-routes-and-plugins',
      comment: 'src/server/ assembles: it registers routes and plugins, and knows nothing else of the modules.',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/modules/', pathNot: '\\.(routes|plugin)\\.ts$' },
    },
    {
      name: 'web-imports-the-server',
      comment: 'The portal talks to the server through the generated client only; shared facts live in locales/.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(src|test|bench|scripts)/' },
    },
    {
      name: 'no-circular',
      comment: 'Import circles make the load order matter and hide who owns what.',
      severity: 'error',
      from: { path: '^(src|web/src)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/|\\.gen\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
