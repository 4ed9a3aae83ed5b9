import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useImportWorld } from '../api/import-world';
import { errorMessage } from '../../../lib/api-client';

export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
export const IMPORT_ACCEPT = '.json,.lorebook,.png,application/json,image/png';

function readBytes(blob) {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** Whether the file is a PNG by its first bytes, whatever its name says. */
async function isPng(file) {
  const head = new Uint8Array(await readBytes(file.slice(0, PNG_SIGNATURE.length)));
  return PNG_SIGNATURE.every((byte, i) => head[i] === byte);
}

function readText(file) {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

/**
 * What is wrong with a file before it is sent (too large, unreadable, not JSON or a PNG), as a message key,
 * or what to send: the parsed JSON, or a PNG (a character card) as its bytes. Which format
 * it holds is the API's to say: it reads many tools' lorebooks and cards.
 */
export async function readImportFile(file) {
  if (file.size > IMPORT_MAX_BYTES) return { error: 'import.errors.tooLarge' };
  let text;
  try {
    if (await isPng(file)) return { payload: new Uint8Array(await readBytes(file)) };
    text = await readText(file);
  } catch {
    return { error: 'import.errors.unreadable' };
  }
  let payload;
  try {
    payload = JSON.parse(text);
  } catch {
    return { error: /\.png$/i.test(file.name || '') ? 'import.errors.notPng' : 'import.errors.notJson' };
  }
  return { payload };
}

/** The message (and the server's own details, if any) for a refused import. */
function refusal(error, t) {
  if (['2004', '2006'].includes(error.errorCode)) return { message: t('desk.import.tooLargeServer') };
  if (['2001', '2002', '2003'].includes(error.errorCode)) {
    const details = Object.entries(error.fields ?? {}).map(([field, text]) => `${field}: ${text}`);
    if (error.detail && !details.length) details.push(error.detail);
    // The API names the formats it reads when it recognises none of them.
    const unknown = [error.detail, ...Object.values(error.fields ?? {})].some((text) => /format/i.test(String(text ?? '')));
    return { message: t(unknown ? 'desk.import.unknownFormat' : 'import.errors.rejected'), details };
  }
  return { message: errorMessage(error) };
}

/** The world made, and the entries the API skipped (each with its index and reason). */
function ImportResult({ world, skipped }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="alert alert-warning alert-soft w-full max-w-md flex-col items-start gap-1 text-sm sm:w-96" data-testid="import-result">
      <p className="font-semibold [overflow-wrap:anywhere]">{t('desk.import.done', { name: world.name })}</p>
      <p>{t('desk.import.skipped', { count: skipped.length })}</p>
      <ul className="max-h-40 w-full list-disc overflow-y-auto pl-5 text-xs [overflow-wrap:anywhere]">
        {skipped.slice(0, 50).map((entry) => (
          <li key={`${entry.index}-${entry.reason}`}>{t('desk.import.entry', { index: entry.index, reason: entry.reason })}</li>
        ))}
      </ul>
      <Link to={`/worlds/${world.world_id}`} className="btn btn-sm mt-1">{t('desk.import.open')}</Link>
    </div>
  );
}

/**
 * "Import a world": pick a file (a Storyloom export, another tool's lorebook or a character card,
 * JSON or PNG); it is checked here, sent, and `onImported(world)` gets the new world. Problems
 * are said plainly.
 */
export function ImportWorldButton({ onImported, className = 'btn' }) {
  const { t } = useTranslation();
  const inputId = useId();
  const input = useRef(null);
  const [problem, setProblem] = useState(null);
  const [reading, setReading] = useState(false);
  const [result, setResult] = useState(null);
  const importing = useImportWorld({
    // With entries skipped, the user reads which before going on; otherwise the new world opens.
    onSuccess: ({ world, skipped }) => (skipped.length ? setResult({ world, skipped }) : onImported?.(world)),
    onError: (error) => setProblem(refusal(error, t)),
  });
  const busy = reading || importing.isPending;

  const onFile = async (event) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setProblem(null);
    setResult(null);
    setReading(true);
    const { payload, error } = await readImportFile(file);
    setReading(false);
    if (error) {
      setProblem({ message: t(error, { name: file.name }), file: file.name });
      return;
    }
    importing.mutate({ payload, fileName: file.name });
  };

  return (
    <div className="flex flex-col items-end gap-2">
      <input
        ref={input}
        id={inputId}
        type="file"
        accept={IMPORT_ACCEPT}
        className="sr-only"
        tabIndex={-1}
        aria-label={t('import.fileLabel')}
        onChange={onFile}
      />
      <button type="button" className={className} onClick={() => input.current?.click()} disabled={busy} aria-describedby={problem ? `${inputId}-error` : undefined}>
        {busy && <span className="loading loading-spinner loading-sm" aria-hidden="true" />}
        {busy ? t('import.pending') : t('import.action')}
      </button>
      {result && <ImportResult world={result.world} skipped={result.skipped} />}
      {problem && (
        <div id={`${inputId}-error`} role="alert" className="alert alert-error alert-soft w-full max-w-md flex-col items-start gap-1 text-sm sm:w-96">
          <p className="font-semibold">{t('import.failed')}</p>
          <p className="[overflow-wrap:anywhere]">{problem.message}</p>
          {problem.details?.length > 0 && (
            <details className="w-full">
              <summary className="cursor-pointer text-xs">{t('import.details')}</summary>
              <ul className="mt-1 list-disc break-words pl-5 font-mono text-xs">
                {problem.details.slice(0, 10).map((line) => <li key={line}>{line}</li>)}
              </ul>
            </details>
          )}
        </div>
      )}
    </div>
  );
}
