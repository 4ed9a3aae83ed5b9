/** POST /auth/login {username | email, password}: stores the token on success. */
import { api } from '../../../lib/api-client';
import { useSessionMutation } from './use-session-mutation';

export function login({ identifier, password }) {
  const key = identifier.includes('@') ? 'email' : 'username';
  return api.post('/auth/login', { [key]: identifier.trim(), password });
}

export function useLogin(options = {}) {
  return useSessionMutation(login, options);
}
