/**
 * Boundaries of the codebase (npm run check:deps). An area is a folder under src/; src/*.ts is the
 * composition root (server, app, platform, CLI) and may import anything.
 */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'No import cycle, type imports included.', from: {}, to: { circular: true } },
    {
      name: 'shared-imports-no-area',
      severity: 'error',
      comment: 'shared/ is the bottom layer: every area may use it, it uses none.',
      from: { path: '^src/shared/' },
      to: { path: '^src/', pathNot: '^src/shared/' },
    },
    {
      name: 'ob3-is-pure',
      severity: 'error',
      comment: 'The Open Badges core (build, sign, verify, bake, status list) knows no area and no database.',
      from: { path: '^src/ob3/' },
      to: { path: '^src/', pathNot: '^src/(ob3|shared)/' },
    },
    {
      name: 'tables-and-stores-stay-home',
      severity: 'error',
      comment:
        "Another area's *.tables.ts and *.store.ts are reached through its services. Exceptions: a table may " +
        'reference another for its foreign keys, and three stores read across areas in ONE SQL statement, ' +
        'where going through services would mean a query per row or joining in memory.',
      from: {
        path: '^src/([^/]+)/',
        pathNot: [
          '^src/[^/]+\\.ts$',
          '\\.tables\\.ts$',
          // A learner's facts for re-evaluation: attendance ⋈ events and quiz attempts, for thousands at once.
          '^src/badges/facts\\.store\\.ts$',
          // The organisers' list of attempts, joined with the learners' names and paged in SQL.
          '^src/quizzes/attempts\\.store\\.ts$',
          // A credential's holder and the credentials of a learner: credentials ⋈ awards.
          '^src/credentials/credentials\\.store\\.ts$',
        ],
      },
      to: { path: '^src/[^/]+/.*\\.(tables|store)\\.ts$', pathNot: '^src/$1/' },
    },
    {
      name: 'pages-call-services',
      severity: 'error',
      comment: "An area's pages call its services, never its stores or tables directly.",
      from: { path: '^src/[^/]+/web/' },
      to: { path: '\\.(tables|store)\\.ts$' },
    },
    {
      name: 'web-shell-imports-no-area',
      severity: 'error',
      comment: 'src/web/ is the page shell (layout, forms, session, urls); areas plug their pages into it.',
      from: { path: '^src/web/' },
      to: { path: '^src/', pathNot: ['^src/(web|shared|plugins)/', '^src/services\\.ts$'] },
    },
  ],
  options: {
    // TypeScript 7 has no JavaScript API for the cruiser's own TypeScript parser: swc reads the sources.
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.(json|d\\.ts)$' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
