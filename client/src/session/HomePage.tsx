import { useEffect, useState, useSyncExternalStore } from 'react';
import type { PromptSummary } from '../../../core/src';
import { ApiError, createSession, listPrompts, type SessionMode } from './api';
import { currentLocation, navigate, subscribeToNavigation } from './navigation';
import { recentSession, rememberSession } from './recent-sessions';
import { RecentSessionsList } from './RecentSessionsList';
import { SessionLinks } from './SessionLinks';
import { rememberLinks, tokenOfLink } from './token';

type Prompts = { state: 'loading' } | { state: 'ready'; list: PromptSummary[] } | { state: 'failed'; message: string };

/** Start page: pick a prompt and a mode, create a session, hand out its links. */
export function HomePage() {
  const [prompts, setPrompts] = useState<Prompts>({ state: 'loading' });
  const [chosen, setChosen] = useState<string | null>(null);
  const [mode, setMode] = useState<SessionMode>('live');
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The links page is `/#links=<id>`, read from this browser's recent sessions, so it survives a reload.
  const location = useSyncExternalStore(subscribeToNavigation, currentLocation);
  const linksOf = /#links=([A-Za-z0-9_-]{1,64})$/.exec(location)?.[1];
  const created = linksOf ? recentSession(linksOf) : null;

  useEffect(() => {
    const abort = new AbortController();
    listPrompts(abort.signal)
      .then((list) => setPrompts({ state: 'ready', list }))
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setPrompts({ state: 'failed', message: e instanceof Error ? e.message : String(e) });
      });
    return () => abort.abort();
  }, []);

  const create = async () => {
    if (!chosen) return;
    setCreating(true);
    setError(null);
    try {
      const session = await createSession(chosen, mode);
      rememberLinks(session.id, session.links);
      const openAs = mode === 'live' ? 'interviewer' : 'candidate';
      const title = prompts.state === 'ready' ? prompts.list.find((p) => p.id === chosen)?.title : undefined;
      rememberSession(session.id, {
        token: tokenOfLink(session.links[openAs]) ?? '',
        role: openAs,
        mode,
        links: session.links,
        ...(title ? { title } : {}),
      });
      navigate(`/#links=${session.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not create the session.');
    } finally {
      setCreating(false);
    }
  };

  if (created?.links) {
    const createdMode = created.mode ?? 'live';
    const links = created.links;
    const openAs = createdMode === 'live' ? 'interviewer' : 'candidate';
    return (
      <main className="home">
        <header className="home-header">
          <h1>Designroom</h1>
        </header>
        <section className="home-card" aria-labelledby="links-title">
          <h2 id="links-title">Your session is ready: {created.title}</h2>
          <p className="muted">
            Each link opens the same board in a different role. Anyone with a link has that role, so share each one only with
            the person it is for.
          </p>
          <SessionLinks links={links} mode={createdMode} />
          <div className="home-actions">
            <button type="button" className="button primary" onClick={() => navigate(links[openAs])}>
              Open the board as {openAs}
            </button>
            <button type="button" className="button" onClick={() => navigate('/')}>
              Create another session
            </button>
          </div>
        </section>
      </main>
    );
  }

  return (
    <main className="home">
      <header className="home-header">
        <h1>Designroom</h1>
        <p className="muted">A live whiteboard for system-design interviews.</p>
      </header>
      <section className="home-card" aria-labelledby="prompt-title">
        <h2 id="prompt-title">1. Pick a prompt</h2>
        {prompts.state === 'loading' && <p className="muted">Loading prompts…</p>}
        {prompts.state === 'failed' && (
          <p role="alert" className="error">
            Could not load the prompts: {prompts.message}
          </p>
        )}
        {prompts.state === 'ready' && (
          <div className="prompt-grid" role="radiogroup" aria-label="Prompt">
            {prompts.list.map((p) => (
              <button
                key={p.id}
                type="button"
                role="radio"
                aria-checked={chosen === p.id}
                className={`prompt-card${chosen === p.id ? ' chosen' : ''}`}
                onClick={() => setChosen(p.id)}
                data-testid={`prompt-${p.id}`}
              >
                <span className="prompt-card-head">
                  <strong>{p.title}</strong>
                  <span className={`difficulty ${p.difficulty}`}>{p.difficulty}</span>
                </span>
                <span className="prompt-card-statement">{p.statement}</span>
                <span className="prompt-card-tags">{p.tags.join(' · ')}</span>
              </button>
            ))}
          </div>
        )}
      </section>
      <section className="home-card sticky-actions" aria-labelledby="mode-title">
        <h2 id="mode-title">2. How will you use it?</h2>
        <div className="mode-options" role="radiogroup" aria-labelledby="mode-title">
          <label className={`mode-option${mode === 'live' ? ' chosen' : ''}`}>
            <input type="radio" name="mode" value="live" checked={mode === 'live'} onChange={() => setMode('live')} />
            <span>
              <strong>Live interview</strong>
              <span className="muted">You interview someone: they draw, you watch and ask follow-ups.</span>
            </span>
          </label>
          <label className={`mode-option${mode === 'solo' ? ' chosen' : ''}`}>
            <input type="radio" name="mode" value="solo" checked={mode === 'solo'} onChange={() => setMode('solo')} />
            <span>
              <strong>Solo practice</strong>
              <span className="muted">You practise on your own and ask for a review when ready.</span>
            </span>
          </label>
        </div>
        <div className="home-actions">
          <button type="button" className="button primary" disabled={!chosen || creating} onClick={() => void create()}>
            {creating ? 'Creating…' : 'Create session'}
          </button>
          {!chosen && prompts.state === 'ready' && <span className="muted">Pick a prompt first.</span>}
          {error && (
            <span role="alert" className="error">
              {error}
            </span>
          )}
        </div>
      </section>
      <RecentSessionsList />
    </main>
  );
}
