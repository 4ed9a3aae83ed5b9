import { useNavigate, useOutletContext } from 'react-router';
import { CollaboratorsPanel } from '../../features/worlds/components/collaborators-panel';
import { VisibilityPanel } from '../../features/worlds/components/visibility-panel';
import { WorldStories } from '../../features/stories/components/world-stories';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useIsSignedIn } from '../../lib/session';

/** The world's first tab: its stories, and (for those concerned) visibility and sharing. */
export default function WorldStoriesTab() {
  const { world } = useOutletContext();
  const navigate = useNavigate();
  const signedIn = useIsSignedIn();
  useDocumentTitle(world.name);
  const permissions = world.permissions ?? {};
  const showSharing = signedIn && (permissions.manage || (world.collaborators ?? []).length > 0);
  return (
    <div className="grid grid-cols-1 gap-8 lg:grid-cols-3">
      <div className="lg:col-span-2">
        <WorldStories
          worldId={world.world_id}
          canEdit={Boolean(permissions.edit)}
          onCreated={(story) => navigate(`/stories/${story.story_id}/edit`)}
        />
      </div>
      {(permissions.manage || showSharing) && (
        <aside className="flex flex-col gap-6">
          <VisibilityPanel world={world} />
          {showSharing && <CollaboratorsPanel world={world} />}
        </aside>
      )}
    </div>
  );
}
