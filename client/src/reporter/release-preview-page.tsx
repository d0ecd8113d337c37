// /preview/<token>: a release through its secret preview link. Under embargo
// it says so (in the reader's zone and the office's) with the terms; once the
// embargo has lifted it is simply the public release.
import { api } from '../api/trpc';
import { useQuery } from '../api/use-query';
import { Loaded } from '../components/query-state';
import { usePageTitle } from '../components/page-title';
import { onLinkClick } from '../router';
import { useI18n } from '../i18n/i18n';
import { useOfficeProfile } from './office-profile';
import { ReleaseArticle } from './release-article';

export function ReleasePreviewPage({ token }: { token: string }) {
  const { t } = useI18n();
  const release = useQuery(() => api.releases.preview.query({ token }), [token]);
  const office = useOfficeProfile();
  usePageTitle(release.status === 'ready' ? (release.data.underEmbargo ? t('release.embargoedTitle', { title: release.data.title }) : release.data.title) : t('release.preview'));
  return (
    <>
      <p>
        <a href="/" onClick={onLinkClick}>{t('release.all')}</a>
      </p>
      <Loaded state={release} label={t('release.what')}>
        {(data) => (
          <ReleaseArticle
            release={data}
            contact={data.pressContact}
            officeName={office?.name ?? undefined}
            officeZone={office?.timeZone ?? 'UTC'}
            underEmbargo={data.underEmbargo}
            previewToken={data.underEmbargo ? token : undefined}
          />
        )}
      </Loaded>
    </>
  );
}
