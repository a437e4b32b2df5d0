// Editing one section's narrative in the light markup (a plain text area, keyboard and screen-reader
// friendly). A save on a revision someone else has saved since comes back 409 with the text saved first:
// both are shown, the author merges into their own and saves on the revision the conflict named.
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { richTextFromMarkup, richTextToMarkup } from '../../../../src/lib/rich-text-markup';
import { ApiError } from '../../api/client';
import { FormErrors, TextField } from '../forms/fields';
import { type TReportSection, type TRichText, useUpdateSection, useUploadReportImage } from './api';
import { RichText } from './RichText';
import { useReportsT } from './messages';

/**
 * An image into the narrative: the file goes to the report (PNG or JPEG, checked by the server), then
 * its line, ![alternative text](id), is added at the end of the text, where the author may move it.
 */
function InsertImage({ reportId, sectionId, onInserted }: { reportId: string; sectionId: string; onInserted: (line: string) => void }) {
  const t = useReportsT();
  const upload = useUploadReportImage(reportId);
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const form = `image-${sectionId}`;
  return (
    <fieldset className="stack">
      <legend>{t('reports.insertImage')}</legend>
      <div className="image-insert">
        <div className="stack">
          <label htmlFor={`${form}-file`}>{t('reports.imageFile')}</label>
          <input id={`${form}-file`} type="file" accept="image/png,image/jpeg" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <TextField form={form} name="alt" label={t('reports.imageAlt')} value={alt} onChange={setAlt} />
      </div>
      <FormErrors form={form} error={upload.error} />
      <div>
        <Button type="button" variant="secondary" disabled={!file || !alt.trim() || upload.isPending} onClick={() => {
          if (!file) return;
          upload.mutate(file, { onSuccess: (image) => { onInserted(`![${alt.trim().replace(/[[\]\n]/g, ' ')}](${image.id})`); setFile(null); setAlt(''); } });
        }}>{t('reports.insertImage')}</Button>
      </div>
    </fieldset>
  );
}

export function SectionEditor({ section, reportId, onClose }: { section: TReportSection; reportId: string; onClose: () => void }) {
  const t = useReportsT();
  const save = useUpdateSection();
  const [markup, setMarkup] = useState(() => richTextToMarkup(section.narrative));
  const [revision, setRevision] = useState(section.revision);
  const [conflict, setConflict] = useState<{ narrative: TRichText; name: string } | null>(null);
  const form = `section-${section.id}`;
  return (
    <form className="panel stack" aria-label={t('reports.edit', { section: `${section.number} ${section.title}` })} onSubmit={(e) => {
      e.preventDefault();
      save.mutate({ id: section.id, body: { revision, narrative: richTextFromMarkup(markup) } }, {
        onSuccess: () => onClose(),
        onError: (error) => {
          const current = error instanceof ApiError && error.status === 409 ? (error.details.current as { revision?: number; narrative?: TRichText; updatedByName?: string } | undefined) : undefined;
          if (current?.revision && current.narrative) {
            setRevision(current.revision);
            setConflict({ narrative: current.narrative, name: current.updatedByName ?? '' });
          }
        },
      });
    }}>
      {conflict ? (
        <Alert data-color="warning">
          <Paragraph>{t('reports.conflict', { name: conflict.name })}</Paragraph>
          <div className="conflict-texts">
            <section aria-label={t('reports.savedText')}>
              <strong>{t('reports.savedText')}</strong>
              <RichText doc={conflict.narrative} />
            </section>
          </div>
        </Alert>
      ) : <FormErrors form={form} error={save.error} />}
      <TextField form={form} name="narrative" label={conflict ? t('reports.yourText') : t('reports.narrative')} multiline rows={10}
        value={markup} onChange={setMarkup} description={t('reports.narrativeHint')} error={save.error} />
      <InsertImage reportId={reportId} sectionId={section.id} onInserted={(line) => setMarkup((m) => (m.trim() ? `${m.trimEnd()}\n\n${line}` : line))} />
      <div className="row">
        <Button type="submit" disabled={save.isPending}>{t('reports.save')}</Button>
        <Button type="button" variant="secondary" onClick={onClose}>{t('reports.cancel')}</Button>
      </div>
    </form>
  );
}
