#!/usr/bin/env node
// The Devolve command line. The TypeScript sources are compiled to dist/ by `npm ci` (the prepare script).
import('../dist/cli/main.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli/main.js')) {
    console.error('devolve: not built yet — run `npm run build` (npm ci does it for you)');
    process.exit(2);
  }
  throw error;
});
