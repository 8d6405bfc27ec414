import express from 'express';
import helmet from 'helmet';
import { createServer, type Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { EVENTS, WIRE_LIMITS } from '../../core/src';
import type { Config } from './config';
import type { PromptLibrary } from './data/prompts';
import type { LoadedRubrics } from './data/rubrics';
import { errorHandler, notFound } from './http/errors';
import { exportRouter } from './http/export-routes';
import { shareRouter } from './http/share-routes';
import { promptsRouter } from './http/prompts-routes';
import { requestLog } from './http/request-log';
import { reviewsRouter } from './http/reviews-routes';
import { sessionsRouter } from './http/sessions-routes';
import { staticClient } from './http/static-client';
import { trafficRouter } from './http/traffic-routes';
import type { Logger } from './log';
import { PeerRelay } from './rooms/peer-relay';
import { RoomRegistry } from './rooms/registry';
import { interviewRouter } from './interview/routes';
import { InterviewService } from './interview/service';
import { openAISettingsFrom } from './reviewers/openai-reviewer';
import { createReviewers, type Reviewers } from './reviewers/registry';
import { RulesOffThread } from './reviewers/rules-off-thread';
import { snapshotRules } from './reviewers/rules-snapshot';
import { reviewInputFor } from './reviewers/review-input';
import { ReviewerData } from './reviewers/session-data';
import { CurveballService } from './reviewers/curveballs';
import { ReviewerParticipants } from './reviewers/participant';
import { reviewerRouter } from './reviewers/routes';
import { loadCurveballs } from './data/curveballs';
import { linkCurveballsToTraffic } from './traffic/curveball-traffic';
import { attachBoardSockets } from './sockets/board-socket';
import { dropSlowReaders } from './sockets/slow-readers';
import { batchSocketWrites } from './sockets/write-batching';
import type { AppServer } from './sockets/types';
import type { Storage } from './storage/types';

export interface AppDeps {
  config: Config;
  storage: Storage;
  prompts: PromptLibrary;
  rubrics: LoadedRubrics;
  log: Logger;
  /** Replaces the reviewers built from config (tests). */
  reviewers?: Reviewers;
}

export interface App {
  httpServer: HttpServer;
  io: AppServer;
  rooms: RoomRegistry;
  /** Relays stored changes to other server nodes once an adapter connects them. */
  relay: PeerRelay;
  /** Curveballs; `onTraffic` tells the traffic model when one multiplies traffic. */
  curveballs: CurveballService;
  /** Runs on close, after sockets and before storage (e.g. disconnecting Redis). */
  onClose(task: () => Promise<void>): void;
  /** Stops accepting connections, stores everything pending, compacts, closes storage. */
  close(): Promise<void>;
}

/** Builds the whole server without listening, so tests and the entry point share it. */
export function createApp(deps: AppDeps): App {
  const { config, storage, prompts, rubrics, log } = deps;
  const reviewers = deps.reviewers ?? createReviewers({ prompts, rubrics, openai: openAISettingsFrom(config) });
  const reviewerData = new ReviewerData(storage, (id) => prompts.get(id) ?? {});
  const rooms = new RoomRegistry(storage, log);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'connect-src': ["'self'", 'ws:', 'wss:'],
          'img-src': ["'self'", 'data:', 'blob:'],
          'style-src': ["'self'", "'unsafe-inline'"],
          'script-src': ["'self'"],
          'object-src': ["'none'"],
          'frame-ancestors': ["'none'"],
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  app.use(requestLog(log));

  const httpServer = createServer(app);
  const io: AppServer = new Server(httpServer, {
    // Above the application limit, so an oversized message reaches our handler and gets a
    // clear error instead of a silent disconnect by the transport.
    maxHttpBufferSize: WIRE_LIMITS.maxMessageBytes * 2,
    serveClient: false,
  });
  batchSocketWrites(io.engine);

  app.get('/healthz', async (_req, res) => {
    await storage.ping();
    res.json({ ok: true, storage: storage.kind });
  });
  const relay = new PeerRelay(io, rooms, log);
  rooms.attach({
    broadcast: (sessionId, message, except) => (except ? io.to(sessionId).except(except) : io.to(sessionId)).emit(EVENTS.boardSync, message),
    publish: (sessionId, update, seq) => relay.publish(sessionId, update, seq),
    publishClosed: (sessionId, at) => relay.publishClosed(sessionId, at),
  });
  const curveballs = new CurveballService({ rooms, io, data: reviewerData, presets: loadCurveballs() });
  linkCurveballsToTraffic(curveballs, rooms, log);
  const rulesThread = new RulesOffThread(snapshotRules(prompts, rubrics), (input) => reviewers.rules(input), log);
  const participants = new ReviewerParticipants({ io, storage, data: reviewerData, reviewers, prompts, curveballs, rooms, log, rules: (input) => rulesThread.review(input) });
  const weights = Object.fromEntries(rubrics.generic.items.map((item) => [item.id, item.weight]));
  const interview = new InterviewService(storage, io, weights, async (session, at) => {
    const input = await reviewInputFor({ storage, rooms, data: reviewerData }, session);
    const { review, meta } = await reviewers.run(reviewers.defaultName, input);
    const stored = await storage.addReview(session.id, review.reviewer, review, at);
    await reviewerData.setMeta(session.id, stored.id, meta);
  });
  app.use(promptsRouter(prompts));
  app.use(sessionsRouter({ storage, rooms, prompts, createPerMinute: config.SESSION_CREATE_PER_MINUTE }));
  app.use(reviewsRouter({ storage, rooms, rubrics, reviewers, data: reviewerData, io, interview, onReview: (session, review) => participants.pin(session, review) }));
  app.use(reviewerRouter({ storage, prompts, data: reviewerData, curveballs, participants }));
  app.use(interviewRouter({ storage, rooms, prompts, service: interview }));
  app.use(exportRouter({ storage, rooms, prompts, interview }));
  app.use(shareRouter({ storage, rooms, prompts, interview }));
  app.use(trafficRouter({ storage, rooms, rubrics }));
  app.use('/api', notFound);
  app.use(staticClient(config.CLIENT_DIR));
  app.use(notFound);
  app.use(errorHandler(log));

  attachBoardSockets(io, { storage, rooms, interview, log });
  participants.attach(io);
  const stopDroppingSlowReaders = dropSlowReaders(io, { maxBytes: config.SOCKET_MAX_BUFFERED_BYTES, everyMs: 1000, log });

  const closeTasks: (() => Promise<void>)[] = [];
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      stopDroppingSlowReaders();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      participants.disposeAll();
      await rulesThread.stop();
      await rooms.closeAll();
      for (const task of closeTasks) await task();
      await storage.close();
    })();
    return closing;
  };
  return { httpServer, io, rooms, relay, curveballs, onClose: (task) => closeTasks.push(task), close };
}
