import { useState } from 'react';
import { useConnectionStore } from '../store/connection';
import { Checklist } from './Checklist';
import { CritiqueAsk, CritiqueView } from './CritiqueView';
import { EvidenceHighlight } from './EvidenceHighlight';
import { FollowUpDialogue } from './FollowUpDialogue';
import { Hints } from './Hints';
import { History } from './History';
import { usePractice } from './usePractice';
import './practice.css';

type Tab = 'checklist' | 'critique' | 'history';
const TABS: { id: Tab; title: string }[] = [
  { id: 'checklist', title: 'Checklist' },
  { id: 'critique', title: 'Critique' },
  { id: 'history', title: 'History' },
];

/**
 * The solo candidate's coach, in the interview drawer: the live checklist and hints, critiques
 * with the follow-up dialogue, and the history of attempts. Loaded lazily: only solo
 * candidates download it.
 */
export function PracticePanel({ sessionId, token }: { sessionId: string; token: string }) {
  const practice = usePractice(sessionId, token);
  const [tab, setTab] = useState<Tab>('checklist');
  const prompt = useConnectionStore((s) => s.welcome?.prompt ?? null);
  const critique = (reviewer: string | undefined) => {
    setTab('critique');
    void practice.critique(reviewer);
  };
  return (
    <div className="iv-panel-inner pr-panel" data-testid="practice-panel">
      <CritiqueAsk practice={practice} onAsk={critique} />
      <div className="iv-tabs" role="tablist" aria-label="Practice">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`pr-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="pr-tabpanel"
            className={tab === t.id ? 'active' : undefined}
            onClick={() => setTab(t.id)}
          >
            {t.title}
          </button>
        ))}
      </div>
      <div className="iv-tabpanel pr-tabpanel" id="pr-tabpanel" role="tabpanel" aria-labelledby={`pr-tab-${tab}`}>
        {tab === 'checklist' && (
          <>
            <Hints sessionId={sessionId} token={token} />
            <Checklist />
          </>
        )}
        {tab === 'critique' && (
            <CritiqueView practice={practice} dialogue={<FollowUpDialogue practice={practice} />} />
        )}
        {tab === 'history' && <History attempts={practice.attempts} prompt={prompt} sessionId={sessionId} />}
      </div>
      <EvidenceHighlight />
    </div>
  );
}
