import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Serves the built client and answers every other page path with index.html, so a board
 * link such as /s/abc opens the app. API and socket paths are never swallowed.
 */
export function staticClient(clientDir: string): Router {
  const router = Router();
  const root = path.resolve(clientDir);
  const index = path.join(root, 'index.html');
  router.use(express.static(root, { index: false, maxAge: '1h', setHeaders: noCacheForHtml }));
  router.get(/^(?!\/api\/|\/socket\.io\/|\/healthz).*/, (_req, res, next) => {
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The client is not built yet: run `npm start` (it builds it) or `npm run build`.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index, (error) => error && next(error));
  });
  return router;
}

function noCacheForHtml(res: express.Response, filePath: string): void {
  if (filePath.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
