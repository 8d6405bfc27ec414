// Worker threads do not inherit the main thread's TypeScript loader: register it here, then
// run the checkpointer (wal-checkpointer.ts starts this file).
import { register } from 'tsx/esm/api';

register();
await import('./wal-checkpoint-thread.ts');
