import { describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { api, ApiError, filenameFromDisposition } from './api-client';
import { getToken, setToken } from './auth-storage';
import { onSignedOut } from './session';
import { API, fail, server } from '../test/server';

describe('file downloads through the api client', () => {
  it('reads the file name from Content-Disposition, UTF-8 first', () => {
    expect(filenameFromDisposition("attachment; filename=\"The-gioi-A.json\"; filename*=UTF-8''Th%E1%BA%BF-gi%E1%BB%9Bi-A.json")).toBe('Thế-giới-A.json');
    expect(filenameFromDisposition('attachment; filename="world.md"')).toBe('world.md');
    expect(filenameFromDisposition(null, 'fallback.json')).toBe('fallback.json');
  });

  it('returns the body and name, with the token sent', async () => {
    let authorization;
    server.use(http.get(`${API}/worlds/w1/export`, ({ request }) => {
      authorization = request.headers.get('authorization');
      return new HttpResponse('{"format":"storyloom.world"}', { headers: { 'Content-Type': 'application/json', 'Content-Disposition': 'attachment; filename="w.json"' } });
    }));
    setToken('tok');
    const file = await api.download('/worlds/w1/export', { params: { format: 'json' } });
    expect(authorization).toBe('Bearer tok');
    expect(file.filename).toBe('w.json');
    expect(await file.blob.text()).toBe('{"format":"storyloom.world"}');
  });

  it('turns an error envelope into ApiError, and a ban (1005) signs out', async () => {
    server.use(http.get(`${API}/worlds/w1/export`, () => fail('1005', 403)));
    setToken('tok');
    const events = [];
    const stop = onSignedOut((detail) => events.push(detail.errorCode));
    const error = await api.download('/worlds/w1/export').catch((e) => e);
    stop();
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe('Tài khoản của bạn đã bị cấm.');
    expect(getToken()).toBeNull();
    expect(events).toEqual(['1005']);
  });
});
