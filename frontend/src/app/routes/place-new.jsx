import { useCreateLocation } from '../../features/locations/api/create-location';
import { LocationForm } from '../../features/locations/components/location-form';
import { NewWorldItemPage } from '../world-item-pages';

export default function NewPlacePage() {
  return (
    <NewWorldItemPage
      useCreate={useCreateLocation}
      itemId={(location) => location.location_id}
      ns="locations"
      listPath="places"
      titleKey="titles.newPlace"
      renderForm={(formProps, world) => <LocationForm worldId={world.world_id} {...formProps} />}
    />
  );
}
