/**
 * What the pages of one named thing of a world (a character, a place) share: load it inside the
 * world page's outlet and show loading / not found / error; the edit and new pages around the
 * feature's form. `ns` is the i18n namespace of the feature (`entities`, `locations`), `listPath`
 * the tab's address under the world (`characters`, `places`).
 */
import { useTranslation } from 'react-i18next';
import { useNavigate, useOutletContext, useParams } from 'react-router';
import { LoadingState } from '../components/ui/loading-state';
import { ErrorState } from '../components/ui/error-state';
import { NotFoundState } from '../components/ui/not-found-state';
import { NoAccessState } from '../components/ui/no-access-state';
import { useToast } from '../components/ui/toast';
import { useDocumentTitle } from '../hooks/use-document-title';

/**
 * The item named by the route's `param`, fetched with `useItem(worldId, id)`. `state` is what to
 * render instead of the page while it loads or when it failed (null once it is there).
 */
export function useWorldItem({ useItem, param, ns, listPath }) {
  const { t } = useTranslation();
  const { world } = useOutletContext();
  const id = useParams()[param];
  const navigate = useNavigate();
  const { notify } = useToast();
  const query = useItem(world.world_id, id);
  const base = `/worlds/${world.world_id}/${listPath}`;

  let state = null;
  if (query.isPending) state = <LoadingState />;
  else if (query.isError) {
    state = query.error.isNotFound
      ? <NotFoundState title={t(`${ns}.notFound.title`)} body={t(`${ns}.notFound.body`)} backTo={base} backLabel={t(`${ns}.backToList`)} />
      : <ErrorState error={query.error} onRetry={query.refetch} />;
  }
  return { t, world, id, navigate, notify, query, item: query.data, base, state };
}

function FormCard({ title, children }) {
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <h2 className="text-2xl font-bold">{title}</h2>
      <div className="card border border-base-300 bg-base-100">
        <div className="card-body">{children}</div>
      </div>
    </div>
  );
}

/**
 * Edit one item: only who may edit it sees the form; saving nothing just goes back.
 * `useUpdate(options)` is the feature's mutation, `mutateArgs(worldId, id, changes)` its variables,
 * `renderForm(item, formProps, world)` the feature's form with those props.
 */
export function EditWorldItemPage({ useItem, useUpdate, mutateArgs, param, ns, listPath, listTitleKey, renderForm }) {
  const { t, world, id, navigate, notify, item, base, state } = useWorldItem({ useItem, param, ns, listPath });
  const detail = `${base}/${id}`;
  const update = useUpdate({
    onSuccess: () => {
      notify(t(`${ns}.saved`));
      navigate(detail);
    },
  });
  useDocumentTitle(item ? t('titles.edit', { name: item.name }) : t(listTitleKey, { world: world.name }));

  if (state) return state;
  if (!item.permissions?.edit) {
    return <NoAccessState title={t(`${ns}.noEdit.title`)} body={t(`${ns}.noEdit.body`)} backTo={detail} backLabel={t(`${ns}.back`)} />;
  }
  return (
    <FormCard title={t(`${ns}.editTitle`, { name: item.name })}>
      {renderForm(item, {
        onSubmit: (changes) => {
          if (!Object.keys(changes).length) {
            navigate(detail);
            return;
          }
          update.mutate(mutateArgs(world.world_id, id, changes));
        },
        onCancel: () => navigate(detail),
        pending: update.isPending,
        error: update.error,
      }, world)}
    </FormCard>
  );
}

/**
 * Add an item to the world (for who may edit the world), then open it. `useCreate(options)` is the
 * feature's mutation, `itemId(created)` the new item's id, `renderForm(formProps, world)` the feature's form.
 */
export function NewWorldItemPage({ useCreate, itemId, ns, listPath, titleKey, renderForm }) {
  const { t } = useTranslation();
  const { world } = useOutletContext();
  const navigate = useNavigate();
  const { notify } = useToast();
  const base = `/worlds/${world.world_id}/${listPath}`;
  const create = useCreate({
    onSuccess: (created) => {
      notify(t(`${ns}.created`));
      navigate(`${base}/${itemId(created)}`);
    },
  });
  useDocumentTitle(t(titleKey, { world: world.name }));
  if (!world.permissions?.edit) {
    return <NoAccessState title={t('worlds.noEdit.title')} body={t('worlds.noEdit.body')} backTo={base} backLabel={t(`${ns}.backToList`)} />;
  }
  return (
    <FormCard title={t(`${ns}.newTitle`)}>
      {renderForm({
        onSubmit: (body) => create.mutate({ worldId: world.world_id, body }),
        onCancel: () => navigate(base),
        pending: create.isPending,
        error: create.error,
      }, world)}
    </FormCard>
  );
}
