/** A start refused by the server, said plainly: how long to wait (0004), why AI is off (4001). */
import i18n from '../../lib/i18n';
import { errorMessage } from '../../lib/api-client';

export function startErrorMessage(error) {
  if (error?.errorCode === '0004') {
    const seconds = Number(error.data?.retry_after);
    if (seconds > 0) return i18n.t('ai.tooFast', { seconds });
  }
  return errorMessage(error);
}
