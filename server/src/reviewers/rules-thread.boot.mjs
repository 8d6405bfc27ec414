// Worker threads do not inherit the main thread's TypeScript loader: register it here, then
// run the rules thread (rules-off-thread.ts starts this file).
import { register } from 'tsx/esm/api';

register();
await import('./rules-thread.ts');
