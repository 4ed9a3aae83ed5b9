/**
 * Autosave for the story editor: waits until typing pauses, sends only what changed,
 * never runs two saves at once, and reports 'saved' | 'dirty' | 'saving' | 'error'.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export const AUTOSAVE_DELAY_MS = 1000;

function diff(values, saved) {
  const changes = {};
  Object.keys(values).forEach((key) => {
    if (values[key] !== saved[key]) changes[key] = values[key];
  });
  return changes;
}

export function useAutosave({ initial, save, delay = AUTOSAVE_DELAY_MS }) {
  const [values, setValues] = useState(initial);
  const [status, setStatus] = useState('saved');
  const [error, setError] = useState(null);
  const [savedAt, setSavedAt] = useState(null);
  const latest = useRef(initial);
  const saved = useRef(initial);
  const inFlight = useRef(false);
  const timer = useRef(null);
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    if (inFlight.current) return; // the running save will look again when it ends
    const changes = diff(latest.current, saved.current);
    if (Object.keys(changes).length === 0) {
      setStatus('saved');
      return;
    }
    inFlight.current = true;
    setStatus('saving');
    setError(null);
    try {
      await saveRef.current(changes);
      saved.current = { ...saved.current, ...changes };
      setSavedAt(new Date());
      inFlight.current = false;
      if (Object.keys(diff(latest.current, saved.current)).length) {
        setStatus('dirty');
        timer.current = setTimeout(flush, delay);
      } else {
        setStatus('saved');
      }
    } catch (caught) {
      // Stay in 'error' (with a retry button) until the user retries or types again.
      inFlight.current = false;
      setError(caught);
      setStatus('error');
    }
  }, [delay]);

  const change = useCallback(
    (name, value) => {
      latest.current = { ...latest.current, [name]: value };
      setValues(latest.current);
      setStatus('dirty');
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, delay);
    },
    [delay, flush],
  );

  // Leaving the page with unsaved words asks first; unmounting saves what is left.
  const dirty = status === 'dirty' || status === 'saving' || status === 'error';
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (event) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  useEffect(() => () => {
    clearTimeout(timer.current);
    const changes = diff(latest.current, saved.current);
    if (Object.keys(changes).length && !inFlight.current) saveRef.current(changes).catch(() => {});
  }, []);

  return { values, change, status, error, savedAt, saveNow: flush };
}
