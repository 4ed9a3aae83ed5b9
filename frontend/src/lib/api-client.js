/**
 * The one HTTP client of the app: adds the token, unwraps the envelope
 * {errorCode, errorDetail, data}, and turns failures into ApiError with a message
 * in the user's current language. 1001/1002/1005 end the session.
 */
import i18n from './i18n';
import { getToken } from './auth-storage';
import { endSession } from './session';

export const API_BASE = '/api';
const SUCCESS = '0000';
const SIGN_OUT_CODES = new Set(['1001', '1002', '1005']);
export const KNOWN_ERROR_CODES = [
  '0001', '0002', '0003', '0004', '0005',
  '1001', '1002', '1003', '1004', '1005', '1006', '1007',
  '2001', '2002', '2003', '2004', '2005', '2006',
  '3001', '3002', '3003', '3004',
  '4001', '4002', '4003', '4004',
  '5001', '5002',
];

export class ApiError extends Error {
  constructor({ errorCode, status, fields = {}, detail = null, data = null, messageKey }) {
    super();
    this.name = 'ApiError';
    this.messageKey = messageKey ?? keyForCode(errorCode);
    this.errorCode = errorCode;
    this.status = status;
    this.fields = fields;
    this.detail = detail;
    this.data = data;
  }

  /** Always in the language the user has chosen now, even if it changed since the error. */
  get message() {
    return i18n.t(this.messageKey);
  }

  get isNotFound() {
    return this.errorCode === '3001' || this.errorCode === '3003' || this.status === 404;
  }
}

function keyForCode(errorCode) {
  return KNOWN_ERROR_CODES.includes(errorCode) ? `errors.codes.${errorCode}` : 'errors.unknown';
}

/** The message for an error code in the current language. */
export function messageForCode(errorCode) {
  return i18n.t(keyForCode(errorCode));
}

function buildUrl(path, params) {
  const url = new URL(`${API_BASE}${path}`, window.location.origin);
  Object.entries(params ?? {}).forEach(([key, value]) => {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  });
  return url.toString();
}

async function readEnvelope(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function failure(response, envelope) {
  const errorCode = envelope?.errorCode ?? (response.status >= 500 ? '5001' : 'unknown');
  const data = envelope?.data ?? null;
  const fields = data && typeof data === 'object' && data.fields && typeof data.fields === 'object'
    ? data.fields
    : {};
  return new ApiError({
    errorCode,
    status: response.status,
    fields,
    detail: envelope?.errorDetail ?? null,
    data,
  });
}

/** fetch, with an unreachable server turned into an ApiError (an abort stays an abort). */
async function send(path, params, init) {
  try {
    return await fetch(buildUrl(path, params), init);
  } catch (cause) {
    if (cause?.name === 'AbortError') throw cause;
    throw new ApiError({ errorCode: 'network', status: 0, messageKey: 'errors.network' });
  }
}

/**
 * The error as given; a code that ends the session also ends the session of `token` (the one
 * the request carried). Concurrent failures carry the same token: only the first one finds it
 * still current, so the user is signed out, told and redirected once.
 */
function endingSessionOn(error, token) {
  if (SIGN_OUT_CODES.has(error.errorCode) && token) endSession(token, error.errorCode);
  return error;
}

/** Whether an error is one that ended (or would end) the session: pages show no "not found" for it. */
export function isSessionError(error) {
  return error instanceof ApiError && SIGN_OUT_CODES.has(error.errorCode);
}

export async function apiRequest(path, { method = 'GET', body, params, signal, headers = {} } = {}) {
  const token = getToken();
  const init = {
    method,
    signal,
    headers: { Accept: 'application/json', ...headers },
  };
  if (token) init.headers.Authorization = `Bearer ${token}`;
  if (ArrayBuffer.isView(body)) {
    // Bytes sent as they are (a character card PNG), with the media type the caller gives.
    init.headers['Content-Type'] ??= 'application/octet-stream';
    init.body = body;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }

  const response = await send(path, params, init);
  const envelope = await readEnvelope(response);
  if (response.ok && envelope?.errorCode === SUCCESS) return envelope.data;
  throw endingSessionOn(failure(response, envelope), token);
}

/** The file name a Content-Disposition header gives (filename* in UTF-8 first, then filename). */
export function filenameFromDisposition(header, fallback = 'download') {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* a malformed escape: use the plain name */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain ? plain[1].trim() : fallback;
}

/**
 * A file the API answers with (an export): the token is sent as for any call; success is the
 * raw body, failures are still envelopes and become ApiError like everywhere else.
 */
export async function apiDownload(path, { params, signal, fallbackName } = {}) {
  const token = getToken();
  const init = { method: 'GET', signal, headers: {} };
  if (token) init.headers.Authorization = `Bearer ${token}`;
  const response = await send(path, params, init);
  if (response.ok) {
    const blob = await response.blob();
    return { blob, filename: filenameFromDisposition(response.headers.get('Content-Disposition'), fallbackName) };
  }
  throw endingSessionOn(failure(response, await readEnvelope(response)), token);
}

export const api = {
  get: (path, options) => apiRequest(path, { ...options, method: 'GET' }),
  post: (path, body, options) => apiRequest(path, { ...options, method: 'POST', body: body ?? {} }),
  put: (path, body, options) => apiRequest(path, { ...options, method: 'PUT', body: body ?? {} }),
  delete: (path, options) => apiRequest(path, { ...options, method: 'DELETE' }),
  download: (path, options) => apiDownload(path, options),
};

/** A user-facing message for anything caught: never a raw error object or stack. */
export function errorMessage(error) {
  if (error instanceof ApiError) return error.message;
  return i18n.t('errors.unknown');
}
