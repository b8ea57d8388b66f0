import { ok } from '@redress/sdk';
import { useState } from 'react';
import type { DetectorVersion } from '../../api/types';
import { allows } from '../../auth/session';
import { useSignedIn } from '../../auth/session-context';
import { FlaggedBadge } from '../../components/badges';
import { ErrorNotice, Loading, Notice } from '../../components/notice';
import { useLoad } from '../../components/use-load';
import { formatPercent } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { DetectorWeeksChart } from './detector-weeks-chart';
import { DrawSample } from './draw-sample';
import { axisScale, ErrorBar } from './error-bar';

const keyOf = (v: DetectorVersion) => `${v.name}\u0000${v.version}`;

/** Every detector version's error estimates with their 95 % intervals, its weekly figures, and sampled review. */
export function DetectorsPage() {
  const { t, lang } = useI18n();
  const { api, session } = useSignedIn();
  const page = useLoad(() => ok(api.GET('/v1/detectors', { params: { query: { limit: 200 } } })), [api]);
  const [chosen, setChosen] = useState<string>();
  const versions = page.data?.data ?? [];
  const scale = axisScale(versions);
  const charted = versions.find((v) => keyOf(v) === chosen) ?? versions[0];
  const maySample = allows(session, 'detector.sample');
  return (
    <section aria-labelledby="detectors-title">
      <h1 id="detectors-title">{t('detectors.title')}</h1>
      <p className="muted">{t('detectors.intro')}</p>
      <ErrorNotice error={page.error} />
      {page.loading && versions.length === 0 && <Loading />}
      {page.data && versions.length === 0 && <Notice>{t('detectors.empty')}</Notice>}
      {versions.length > 0 && (
        <div className="table-wrap">
          <table className="detectors">
            <caption className="visually-hidden">{t('detectors.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('detectors.version')}</th>
                <th scope="col" className="num">
                  {t('detectors.suspensions')}
                </th>
                <th scope="col" className="num">
                  {t('detectors.appealRate')}
                </th>
                <th scope="col">{t('detectors.overturnRate')}</th>
                <th scope="col">{t('detectors.sample')}</th>
                <th scope="col">{t('detectors.silentRate')}</th>
                <th scope="col">{t('detectors.falsePositiveRate')}</th>
                {maySample && <th scope="col">{t('detectors.drawTitle')}</th>}
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={keyOf(v)} className={v.flagged ? 'flagged' : undefined}>
                  <th scope="row">
                    {v.name} <span className="muted">{v.version}</span>{' '}
                    {v.flagged && <FlaggedBadge help="detectors.flaggedHelp" />}
                  </th>
                  <td className="num">{v.suspensions}</td>
                  <td className="num">{formatPercent(v.appealRate, lang)}</td>
                  <td>
                    <ErrorBar interval={v.overturnRate} scale={1} />
                  </td>
                  <td>
                    {t('detectors.sampleFigures', {
                      reviewed: v.sample.reviewed,
                      opened: v.sample.opened,
                      overturned: v.sample.overturned,
                    })}
                  </td>
                  <td>
                    <ErrorBar interval={v.sample.falsePositiveRate} scale={scale} />
                  </td>
                  <td>
                    <ErrorBar interval={v.falsePositiveRate} scale={scale} />
                  </td>
                  {maySample && (
                    <td>
                      <DrawSample version={v} onDrawn={() => void page.reload()} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {charted && (
        <>
          <label htmlFor="detector-chart">{t('detectors.chartFor')}</label>{' '}
          <select id="detector-chart" value={keyOf(charted)} onChange={(e) => setChosen(e.target.value)}>
            {versions.map((v) => (
              <option key={keyOf(v)} value={keyOf(v)}>
                {v.name} {v.version}
              </option>
            ))}
          </select>
          <DetectorWeeksChart version={charted} />
        </>
      )}
    </section>
  );
}
