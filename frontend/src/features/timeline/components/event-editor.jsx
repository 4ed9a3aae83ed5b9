import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateEvent } from '../api/create-event';
import { useUpdateEvent } from '../api/update-event';
import { useToast } from '../../../components/ui/toast';
import { EventForm } from './event-form';

/** A new event of the world, written inline on the timeline. */
export function NewEventEditor({ worldId, onDone, ...formProps }) {
  const { t } = useTranslation();
  const { notify } = useToast();
  const create = useCreateEvent({
    onSuccess: () => {
      notify(t('timeline.created'));
      onDone();
    },
  });
  return (
    <EventForm
      {...formProps}
      onSubmit={(body) => create.mutate({ worldId, body })}
      onCancel={onDone}
      pending={create.isPending}
      error={create.error}
    />
  );
}

/**
 * Edit one event inline. Its `version` goes with the change; when someone else changed the event
 * meanwhile (3004) the event as it is now becomes the base, the typed fields stay, and the user
 * decides whether to save them over it.
 */
export function EditEventEditor({ worldId, event, onDone, ...formProps }) {
  const { t } = useTranslation();
  const { notify } = useToast();
  const [base, setBase] = useState(event);
  const [notice, setNotice] = useState(null);
  const update = useUpdateEvent(worldId, {
    onSuccess: () => {
      notify(t('timeline.saved'));
      onDone();
    },
    onError: (error) => {
      if (error?.errorCode !== '3004') return;
      const current = error.data?.current ?? error.data?.event ?? null;
      if (current) setBase(current);
      setNotice(t('timeline.form.changedMeanwhile', { title: current?.title ?? event.title }));
    },
  });
  const error = update.error?.errorCode === '3004' ? null : update.error;
  return (
    <EventForm
      {...formProps}
      event={event}
      notice={notice}
      onSubmit={(body) => {
        setNotice(null);
        update.mutate({ eventId: event.event_id, changes: { ...body, ...(base.version !== undefined ? { version: base.version } : {}) } });
      }}
      onCancel={onDone}
      pending={update.isPending}
      error={error}
    />
  );
}
