/**
 * The API's limits on what forms send, in one place. Each line names the backend schema field it
 * copies (module.Model.field[.items|.propertyNames|.additionalProperties] and the JSON-schema
 * keyword); tests/api/test_frontend_limits.py reads this file and fails when one drifts.
 * Lengths are characters after trimming, as the API counts them.
 */
export const LIMITS = Object.freeze({
  worldName: 120, // worlds.WorldCreate.name maxLength
  worldDescription: 50_000, // worlds.WorldCreate.description maxLength
  storyTitle: 200, // stories.StoryCreate.title maxLength
  storySummary: 10_000, // stories.StoryCreate.summary maxLength
  storyGenre: 120, // stories.StoryCreate.genre maxLength
  entityName: 120, // content.EntityCreate.name maxLength
  entityDescription: 200_000, // content.EntityCreate.description maxLength
  aliases: 20, // content.EntityCreate.aliases maxItems
  aliasLength: 120, // content.EntityCreate.aliases.items maxLength
  attributes: 50, // content.EntityCreate.attributes maxProperties
  attributeName: 60, // content.EntityCreate.attributes.propertyNames maxLength
  attributeText: 500, // content.EntityCreate.attributes.additionalProperties maxLength
  relationshipLabel: 120, // content.Relationship.label maxLength
  locationName: 120, // content.LocationCreate.name maxLength
  locationDescription: 200_000, // content.LocationCreate.description maxLength
  locationAliases: 20, // content.LocationCreate.aliases maxItems
  coordinate: 1_000_000, // content.Coordinates.x maximum
  username: 32, // auth.UserRegister.username maxLength
  usernameMin: 3, // auth.UserRegister.username minLength
  password: 256, // auth.UserRegister.password maxLength
  passwordMin: 8, // auth.UserRegister.password minLength
  displayName: 64, // auth.UserRegister.display_name maxLength
  loginName: 64, // auth.UserLogin.username maxLength
  email: 254, // auth.UserLogin.email maxLength
  shareUsername: 64, // worlds.WorldShare.usernames.items maxLength
  banReason: 500, // admin.BanChange.reason maxLength
  search: 100, // worlds.WorldListQuery.q maxLength
});

/** Whether a text is over `max` characters once trimmed (as the API would refuse it). */
export function tooLong(text, max) {
  return String(text ?? '').trim().length > max;
}
