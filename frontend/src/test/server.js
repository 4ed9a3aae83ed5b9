/** The MSW server every test shares, and helpers that answer in the API's envelope. */
import { setupServer } from 'msw/node';
import { HttpResponse } from 'msw';

export const server = setupServer();

export function ok(data, status = 200) {
  return HttpResponse.json({ errorCode: '0000', errorDetail: 'Operation successful', data }, { status });
}

export function fail(errorCode, status, data = null, errorDetail = 'Request failed') {
  return HttpResponse.json({ errorCode, errorDetail, data }, { status });
}

export const API = 'http://localhost:3000/api';
