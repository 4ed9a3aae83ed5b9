import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RELATION_TYPES, useConnectEvents } from '../api/connect-events';
import { SelectField, TextField } from '../../../components/ui/fields';
import { FormError } from '../../../components/ui/error-state';
import { useToast } from '../../../components/ui/toast';

/** Connect an event to another one (causes, then, same character, same place), folded away until opened. */
export function ConnectEvent({ worldId, event, events }) {
  const { t } = useTranslation();
  const { notify } = useToast();
  const [target, setTarget] = useState('');
  const [relation, setRelation] = useState('causation');
  const [label, setLabel] = useState('');
  // The form (and its list of every other event) exists only while open: a timeline has thousands of cards.
  const [open, setOpen] = useState(false);
  const connect = useConnectEvents(worldId, {
    onSuccess: () => {
      notify(t('timeline.connect.done'));
      setTarget('');
      setLabel('');
    },
  });
  const others = events.filter((other) => other.event_id !== event.event_id);
  if (!others.length) return null;
  const fieldError = (name) => {
    const message = connect.error?.fields?.[name];
    return message ? t('timeline.form.errors.invalid') : undefined;
  };
  return (
    <details className="text-sm" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-base-content/70">{t('timeline.connect.open')}</summary>
      {open && (
        <form
          className="mt-2 flex flex-col gap-2"
          aria-label={t('timeline.connect.label', { title: event.title })}
          onSubmit={(formEvent) => {
            formEvent.preventDefault();
            if (target) connect.mutate({ eventId: event.event_id, targetEventId: target, relationType: relation, label: label.trim() });
          }}
        >
          <div className="grid gap-2 sm:grid-cols-3">
            <SelectField
              label={t('timeline.connect.target')}
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              error={fieldError('target_event_id')}
              options={[{ value: '', label: t('timeline.form.pickAnchor') }, ...others.map((other) => ({ value: other.event_id, label: other.title }))]}
            />
            <SelectField
              label={t('timeline.connect.relation')}
              value={relation}
              onChange={(e) => setRelation(e.target.value)}
              error={fieldError('relation_type')}
              options={RELATION_TYPES.map((type) => ({ value: type, label: t(`timeline.relations.${type}`) }))}
            />
            <TextField label={t('timeline.connect.note')} value={label} onChange={(e) => setLabel(e.target.value)} error={fieldError('label')} maxLength={120} />
          </div>
          {connect.isError && !connect.error?.fields?.target_event_id && <FormError error={connect.error} />}
          <button type="submit" className="btn btn-sm self-end" disabled={!target || connect.isPending}>{t('timeline.connect.submit')}</button>
        </form>
      )}
    </details>
  );
}
