/** Form values with client-side checks: errors clear as a field changes; submit runs the checks first. */
import { useState } from 'react';
import { collectErrors } from '../validation';

export function useCheckedForm(initialValues, checks, onValid) {
  const [values, setValues] = useState(initialValues);
  const [clientErrors, setClientErrors] = useState({});

  const update = (name) => (event) => {
    setValues((v) => ({ ...v, [name]: event.target.value }));
    setClientErrors((errors) => ({ ...errors, [name]: null }));
  };

  const submit = (event) => {
    event.preventDefault();
    const errors = collectErrors(checks(values));
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    onValid(values);
  };

  return { values, clientErrors, update, submit };
}
