import { useCallback, useState } from 'react';
import type { InterviewEventName, InterviewPayload } from '../../../core/src';
import { useInterviewStore } from '../store/interview';

/** Sends an interview event; keeps the server's refusal (if any) to show next to the control. */
export function useSend(): {
  send: <E extends InterviewEventName>(event: E, payload: InterviewPayload<E>) => Promise<boolean>;
  error: string | null;
  busy: boolean;
} {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = useCallback(async <E extends InterviewEventName>(event: E, payload: InterviewPayload<E>) => {
    setBusy(true);
    try {
      const ack = await useInterviewStore.getState().send(event, payload);
      setError(ack.ok ? null : ack.error.message);
      return ack.ok;
    } finally {
      setBusy(false);
    }
  }, []);
  return { send, error, busy };
}
