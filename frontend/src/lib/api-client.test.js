import { describe, expect, it, vi } from 'vitest';
import { http, HttpResponse } from 'msw';
import { api, ApiError, KNOWN_ERROR_CODES } from './api-client';
import { getToken, setToken } from './auth-storage';
import { onSignedOut } from './session';
import i18n from './i18n';
import { API, fail, ok, server } from '../test/server';

describe('api client', () => {
  it('returns the envelope data and sends the stored token', async () => {
    let authorization;
    server.use(http.get(`${API}/worlds`, ({ request }) => {
      authorization = request.headers.get('authorization');
      return ok({ items: [{ world_id: 'w1' }], total: 1, page: 1, page_size: 20 });
    }));
    setToken('secret-token');

    const data = await api.get('/worlds');

    expect(data).toEqual({ items: [{ world_id: 'w1' }], total: 1, page: 1, page_size: 20 });
    expect(authorization).toBe('Bearer secret-token');
  });

  it('sends no Authorization header when nobody is signed in', async () => {
    let authorization = 'unset';
    server.use(http.get(`${API}/worlds`, ({ request }) => {
      authorization = request.headers.get('authorization');
      return ok({ items: [], total: 0, page: 1, page_size: 20 });
    }));
    await api.get('/worlds');
    expect(authorization).toBeNull();
  });

  it('sends query parameters and a JSON body', async () => {
    let seen;
    server.use(http.post(`${API}/worlds`, async ({ request }) => {
      seen = { url: new URL(request.url), body: await request.json(), type: request.headers.get('content-type') };
      return ok({ world: { world_id: 'w9' } }, 201);
    }));
    const data = await api.post('/worlds', { name: 'Hà Nội' }, { params: { lang: 'vi', empty: '' } });
    expect(data.world.world_id).toBe('w9');
    expect(seen.body).toEqual({ name: 'Hà Nội' });
    expect(seen.type).toContain('application/json');
    expect(seen.url.searchParams.get('lang')).toBe('vi');
    expect(seen.url.searchParams.has('empty')).toBe(false);
  });

  it('throws an ApiError carrying errorCode, status and the fields of data.fields', async () => {
    server.use(http.post(`${API}/worlds`, () => fail('2001', 400, { fields: { name: 'must not be empty' } })));

    const error = await api.post('/worlds', {}).catch((e) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error.errorCode).toBe('2001');
    expect(error.status).toBe(400);
    expect(error.fields).toEqual({ name: 'must not be empty' });
    expect(error.message).toBe('Một số thông tin chưa hợp lệ. Vui lòng kiểm tra lại.');
  });

  it('words the message in the current language, and follows a later language switch', async () => {
    server.use(http.get(`${API}/worlds/w1`, () => fail('3001', 404)));

    const error = await api.get('/worlds/w1').catch((e) => e);
    expect(error.message).toBe('Không tìm thấy nội dung này.');
    expect(error.isNotFound).toBe(true);

    await i18n.changeLanguage('en');
    expect(error.message).toBe('This could not be found.');
  });

  it('never shows the server errorDetail or an unknown code as the message', async () => {
    server.use(http.get(`${API}/stats`, () => fail('9999', 418, null, 'Traceback (most recent call last)')));
    const error = await api.get('/stats').catch((e) => e);
    expect(error.errorCode).toBe('9999');
    expect(error.message).toBe('Đã có lỗi xảy ra. Vui lòng thử lại.');
    expect(error.message).not.toContain('Traceback');
  });

  it.each(['vi', 'en'])('has a specific %s message for every error code of API.md §2', async (lng) => {
    await i18n.changeLanguage(lng);
    const generic = i18n.t('errors.unknown');
    const messages = new Set();
    for (const code of KNOWN_ERROR_CODES) {
      server.use(http.get(`${API}/probe`, () => fail(code, 400)));
      const error = await api.get('/probe').catch((e) => e);
      expect(error.message, code).not.toBe(generic);
      expect(error.message, code).not.toMatch(/^errors\./);
      messages.add(error.message);
    }
    expect(KNOWN_ERROR_CODES).toHaveLength(28);
    expect(messages.size).toBeGreaterThanOrEqual(27);
  });

  it.each(['1001', '1002', '1005'])('signs the user out on %s', async (code) => {
    server.use(http.get(`${API}/auth/me`, () => fail(code, code === '1005' ? 403 : 401)));
    setToken('old-token');
    const signedOut = vi.fn();
    const stop = onSignedOut(signedOut);

    await expect(api.get('/auth/me')).rejects.toMatchObject({ errorCode: code });

    stop();
    expect(getToken()).toBeNull();
    expect(window.localStorage.getItem('storyloom.token')).toBeNull();
    expect(signedOut).toHaveBeenCalledWith({ errorCode: code });
  });

  it.each(['1003', '1004', '3001'])('keeps the user signed in on %s', async (code) => {
    server.use(http.get(`${API}/worlds/x`, () => fail(code, 403)));
    setToken('good-token');
    await expect(api.get('/worlds/x')).rejects.toMatchObject({ errorCode: code });
    expect(getToken()).toBe('good-token');
  });

  it('turns a network failure into a friendly ApiError', async () => {
    server.use(http.get(`${API}/worlds`, () => HttpResponse.error()));
    const error = await api.get('/worlds').catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.errorCode).toBe('network');
    expect(error.message).toBe('Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
  });

  it('treats a non-JSON 502 from a proxy as a server error', async () => {
    server.use(http.get(`${API}/worlds`, () => new HttpResponse('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } })));
    const error = await api.get('/worlds').catch((e) => e);
    expect(error.errorCode).toBe('5001');
    expect(error.status).toBe(502);
    expect(error.message).toBe('Máy chủ gặp lỗi. Vui lòng thử lại sau.');
  });
});
