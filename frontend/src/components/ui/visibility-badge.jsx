import { useTranslation } from 'react-i18next';

const STYLES = {
  public: 'badge-success',
  private: 'badge-info',
  draft: 'badge-warning',
};

/** "Public", "Private" or "Draft", in the user's language. */
export function VisibilityBadge({ visibility }) {
  const { t } = useTranslation();
  if (!visibility) return null;
  return (
    <span className={`badge badge-soft badge-sm ${STYLES[visibility] ?? ''}`}>
      {t(`visibility.${visibility}`, { defaultValue: visibility })}
    </span>
  );
}
