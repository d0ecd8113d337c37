// The booking widget's pages for a topic and for a release (client/public/embed.js
// data-topic / data-release); a spokesperson's widget is the booking page itself.
import { api } from '../api/trpc';
import { useQuery } from '../api/use-query';
import { Loaded } from '../components/query-state';
import { usePageTitle } from '../components/page-title';
import { useI18n } from '../i18n/i18n';
import { ReleaseSpokespeople } from './release-spokespeople';
import { offeredOptions, TopicSearch } from './topic-search';

/** Who is free on a topic, soonest first, each linking to their booking page in the widget. */
export function TopicWidgetPage({ topic }: { topic: string }) {
  const { t } = useI18n();
  usePageTitle(t('topic.heading'));
  const spokespeople = useQuery(() => api.spokespeople.list.query(), []);
  return (
    <Loaded state={spokespeople} label={t('topic.what')}>
      {(people) => <TopicSearch {...offeredOptions(people)} initialTopic={topic} />}
    </Loaded>
  );
}

/** A release's spokespeople, each linking to their booking page for this release in the widget. */
export function ReleaseWidgetPage({ slug }: { slug: string }) {
  const { t } = useI18n();
  const release = useQuery(() => api.releases.get.query({ slug }), [slug]);
  usePageTitle(release.status === 'ready' ? release.data.title : t('release.title'));
  return (
    <Loaded state={release} label={t('release.what')}>
      {(data) => (
        <>
          <h1>{data.title}</h1>
          <ReleaseSpokespeople release={data} />
        </>
      )}
    </Loaded>
  );
}
