import { useWorldLocation } from '../../features/locations/api/get-location';
import { useUpdateLocation } from '../../features/locations/api/update-location';
import { LocationForm } from '../../features/locations/components/location-form';
import { EditWorldItemPage } from '../world-item-pages';

export default function EditPlacePage() {
  return (
    <EditWorldItemPage
      useItem={useWorldLocation}
      useUpdate={useUpdateLocation}
      mutateArgs={(worldId, locationId, changes) => ({ worldId, locationId, changes })}
      param="locationId"
      ns="locations"
      listPath="places"
      listTitleKey="titles.places"
      renderForm={(location, formProps, world) => (
        <LocationForm key={location.location_id} worldId={world.world_id} location={location} {...formProps} />
      )}
    />
  );
}
