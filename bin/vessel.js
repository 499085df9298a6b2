#!/usr/bin/env node
// The `vessel` command. Loads the TypeScript sources through tsx so there is no build step
// to forget; the CLI itself lives in src/cli/main.ts.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
