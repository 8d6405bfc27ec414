/** Shown for a board path without a token: the link was cut short or opened in a new tab. */
export function MissingToken() {
  return (
    <main className="notice-page">
      <div className="notice-card" role="alert">
        <h1>This board link is incomplete</h1>
        <p>
          Board links end with <code>#token=…</code>, which says who you are in the session. This one has none — it was
          probably cut short when it was copied, or opened in a new tab.
        </p>
        <p>Ask whoever invited you to send the full link again, or start a new session.</p>
        <a className="button primary" href="/">
          Start a new session
        </a>
      </div>
    </main>
  );
}
