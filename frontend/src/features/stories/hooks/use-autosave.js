/**
 * Autosave for the story editor: waits until typing pauses, sends only what changed together
 * with the version it was based on, never runs two saves at once, and reports
 * 'saved' | 'dirty' | 'saving' | 'error' | 'conflict'. A 3004 answer (someone else saved first)
 * stops autosaving and hands over the server's story until the writer chooses (`rebase`).
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export const AUTOSAVE_DELAY_MS = 1000;

// A value may be given lazily (a function), so a long text is only read when it is saved.
const read = (value) => (typeof value === 'function' ? value() : value);

function diff(values, saved) {
  const changes = {};
  Object.keys(values).forEach((key) => {
    const value = read(values[key]);
    if (value !== saved[key]) changes[key] = value;
  });
  return changes;
}

/**
 * initial: the saved values ({title, content}); version: the version they are;
 * save(changes, version) resolves to the saved resource (with its new `version`).
 */
export function useAutosave({ initial, version, save, delay = AUTOSAVE_DELAY_MS, onSaved }) {
  const [status, setStatus] = useState('saved');
  const [error, setError] = useState(null);
  const [conflict, setConflict] = useState(null);
  const [savedAt, setSavedAt] = useState(null);
  const latest = useRef(initial);
  const saved = useRef(initial);
  const baseVersion = useRef(version);
  const inFlight = useRef(false);
  const paused = useRef(false);
  const timer = useRef(null);
  const saveRef = useRef(save);
  const onSavedRef = useRef(onSaved);
  saveRef.current = save;
  onSavedRef.current = onSaved;

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    if (inFlight.current || paused.current) return; // a running save looks again when it ends
    const changes = diff(latest.current, saved.current);
    if (Object.keys(changes).length === 0) {
      setStatus('saved');
      return;
    }
    inFlight.current = true;
    setStatus('saving');
    setError(null);
    try {
      const result = await saveRef.current(changes, baseVersion.current);
      saved.current = { ...saved.current, ...changes };
      if (result?.version != null) baseVersion.current = result.version;
      setSavedAt(new Date());
      inFlight.current = false;
      if (Object.keys(diff(latest.current, saved.current)).length) {
        setStatus('dirty');
        timer.current = setTimeout(flush, delay);
      } else {
        setStatus('saved');
        onSavedRef.current?.(result);
      }
    } catch (caught) {
      inFlight.current = false;
      if (caught?.errorCode === '3004' && caught.data?.current) {
        const current = caught.data.current;
        // Someone changed something else (links, visibility): our text is still what they have.
        if (current.version !== baseVersion.current
          && Object.keys(saved.current).every((key) => current[key] === saved.current[key])) {
          baseVersion.current = current.version;
          flush();
          return;
        }
        paused.current = true;
        setConflict(caught.data.current);
        setStatus('conflict');
        return;
      }
      // Stay in 'error' (with a retry button) until the user retries or types again.
      setError(caught);
      setStatus('error');
    }
  }, [delay]);

  const change = useCallback((name, value) => {
    latest.current = { ...latest.current, [name]: value };
    if (paused.current) return; // in a conflict: kept, saved once the writer has chosen
    setStatus('dirty');
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, delay);
  }, [delay, flush]);

  /**
   * After a conflict: the server holds `serverValues` at `serverVersion`; the editor now holds
   * `values` (the writer's choice). Autosave resumes and saves the difference, if any.
   */
  const rebase = useCallback((serverValues, serverVersion, values) => {
    saved.current = serverValues;
    baseVersion.current = serverVersion;
    latest.current = values;
    paused.current = false;
    setConflict(null);
    flush();
  }, [flush]);

  /** Start in a conflict (a kept draft and a server that moved on): `values` wait for a choice. */
  const hold = useCallback((serverStory, values) => {
    latest.current = values;
    paused.current = true;
    setConflict(serverStory);
    setStatus('conflict');
  }, []);

  /**
   * Another save of this resource came back (links, visibility): when it holds the text we last
   * saved, later saves are based on its version.
   */
  const adopt = useCallback((resource) => {
    if (!resource || resource.version == null || resource.version <= (baseVersion.current ?? 0)) return;
    if (Object.keys(saved.current).every((key) => resource[key] === saved.current[key])) {
      baseVersion.current = resource.version;
    }
  }, []);

  /** The values as the editor holds them now (lazy ones read). */
  const current = useCallback(() => {
    const values = {};
    Object.keys(latest.current).forEach((key) => { values[key] = read(latest.current[key]); });
    return values;
  }, []);

  // Leaving the page with unsaved words asks first; unmounting saves what is left.
  const dirty = status !== 'saved';
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
    if (paused.current || inFlight.current) return;
    const changes = diff(latest.current, saved.current);
    if (Object.keys(changes).length) {
      saveRef.current(changes, baseVersion.current).then((result) => onSavedRef.current?.(result), () => {});
    }
  }, []);

  return { change, status, error, conflict, savedAt, saveNow: flush, rebase, hold, adopt, current, baseVersion };
}
