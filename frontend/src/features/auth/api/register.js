/** POST /auth/register {username, email, password, display_name?}: signs the new user in. */
import { api } from '../../../lib/api-client';
import { useSessionMutation } from './use-session-mutation';

export function register({ username, email, password, displayName }) {
  const body = { username: username.trim(), email: email.trim(), password };
  if (displayName?.trim()) body.display_name = displayName.trim();
  return api.post('/auth/register', body);
}

export function useRegister(options = {}) {
  return useSessionMutation(register, options);
}
