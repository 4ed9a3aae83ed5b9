import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupServerFields, serverFieldMessage } from '../lib/field-errors';

/**
 * The state the create/edit forms of named things (characters, places) share: the values, the
 * text still typed in the aliases box, the client's errors, the API's field errors grouped by
 * field, a change handler per field and the message under each field. Pass the result as `form`
 * to NamedItemFields.
 *
 * - `initialValues()`: the first values. `error`: the ApiError. `shown`: the fields the form shows
 *   (an API error on another one is shown above the form). `nameErrorKey`: the i18n key of the
 *   name's errors (`entityName`). `alsoClears`: `{ field: otherField }`, editing `field` also clears
 *   the error of `otherField`.
 */
export function useNamedItemForm({ initialValues, error, shown, nameErrorKey, nameMax, alsoClears = {} }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initialValues);
  const [aliasText, setAliasText] = useState('');
  const [clientErrors, setClientErrors] = useState({});
  const serverFields = groupServerFields(error?.fields);
  const hasFieldErrors = Object.keys(serverFields).some((field) => shown.includes(field));

  const set = (name) => (event) => {
    setValues((v) => ({ ...v, [name]: event.target.value }));
    setClientErrors((e) => ({ ...e, [name]: null, ...(alsoClears[name] ? { [alsoClears[name]]: null } : {}) }));
  };

  const message = (name) => {
    if (clientErrors[name]) return t(clientErrors[name], { max: nameMax });
    if (name === 'name') return serverFieldMessage('name', serverFields.name, nameErrorKey, error?.errorCode);
    return serverFieldMessage(name, serverFields[name]);
  };

  return { values, setValues, aliasText, setAliasText, clientErrors, setClientErrors, serverFields, hasFieldErrors, set, message };
}
