import { ok, type components } from '@redress/sdk';
import { useState } from 'react';
import type { Lang } from '../../i18n/i18n';
import { translator, useI18n } from '../../i18n/i18n';
import { useSignedIn } from '../../auth/session-context';
import { useLoad } from '../../components/use-load';
import { fillMacro, placeholderValues, rankMacros, type CaseFacts } from '../../domain/macro-fill';
import { formatDate, formatMoney } from '../../i18n/format';
import type { StringKey } from '../../i18n/strings.en';

export type Macro = components['schemas']['MacroResponse'];
export type MacroKind = Macro['kind'];

/** The text of a macro for this case: its placeholders filled in the macro's own language. */
export function macroText(macro: Macro, facts: CaseFacts): string {
  const lang = macro.locale as Lang;
  const t = translator(lang);
  return fillMacro(
    macro.body,
    placeholderValues(facts, {
      money: (m) => formatMoney(m, lang),
      date: (iso) => formatDate(iso, lang),
      reason: (code) => t(`reason.${code}` as StringKey),
    }),
  );
}

/**
 * A select of the macros of one kind, the appellant's language and the case's reason first; picking
 * one hands its filled text (and the macro, for a decision's outcome) to the form, to edit before sending.
 */
export function MacroPicker({
  id,
  kind,
  facts,
  locale,
  onPick,
  autoFocus,
}: {
  id: string;
  kind: MacroKind;
  facts: CaseFacts;
  locale: string;
  onPick: (text: string, macro: Macro) => void;
  autoFocus?: boolean;
}) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const macros = useLoad(
    async () =>
      rankMacros(
        (await ok(api.GET('/v1/macros', { params: { query: { kind, limit: 200 } } }))).data,
        locale,
        facts.reasonCode,
      ),
    [api, kind, locale, facts.reasonCode],
  );
  const [picked, setPicked] = useState('');
  const list = macros.data ?? [];
  if (macros.data && list.length === 0) return null;
  return (
    <>
      <label htmlFor={id}>{t('macro.label')}</label>
      <select
        id={id}
        value={picked}
        autoFocus={autoFocus}
        onChange={(e) => {
          setPicked(e.target.value);
          const macro = list.find((m) => m.id === e.target.value);
          if (macro) onPick(macroText(macro, facts), macro);
        }}
      >
        <option value="">{t('macro.none')}</option>
        {list.map((m) => (
          <option key={m.id} value={m.id} lang={m.locale}>
            {m.name} ({m.locale}
            {m.outcome ? ` · ${t(`outcome.${m.outcome}` as StringKey)}` : ''})
          </option>
        ))}
      </select>
    </>
  );
}
