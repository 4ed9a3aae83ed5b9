/** The MSW server every test shares, and helpers that answer in the API's envelope. */
import { setupServer } from 'msw/node';
import { HttpResponse, http } from 'msw';

export const API = 'http://localhost:3000/api';

// Asked by every page that offers AI buttons; a test that needs AI answers it itself.
const defaults = [
  http.get(`${API}/health`, () => HttpResponse.json({
    errorCode: '0000', errorDetail: 'Operation successful',
    data: { status: 'ok', storage: 'tinydb', ai: { configured: false, model: null }, version: 'test' },
  })),
];

export const server = setupServer(...defaults);

export function ok(data, status = 200) {
  return HttpResponse.json({ errorCode: '0000', errorDetail: 'Operation successful', data }, { status });
}

export function fail(errorCode, status, data = null, errorDetail = 'Request failed') {
  return HttpResponse.json({ errorCode, errorDetail, data }, { status });
}
