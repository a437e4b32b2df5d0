// Attachments of one case: the list with download links, upload (the server checks size and type by
// content and its message is shown as the field's error), and delete.
import { Button, Heading, Link, Paragraph, Field, Label, Input, ValidationMessage } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { useMeetingsT } from './messages';
import { useFocusFirstField } from '../forms/fields';
import { formatBytes, formatDateTime } from '../../i18n/format';
import { attachmentUrl } from './CaseBody';
import { useDeleteAttachment, useUploadAttachment } from './api';
import type { TCaseView } from './types';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { announce, focusWhenReady } from '../shell/focus';
import { FormErrors } from '../forms/fields';

export function AttachmentsPanel({ meetingId, c, onClose }: { meetingId: string; c: TCaseView; onClose: () => void }) {
  const t = useMeetingsT();
  const focusRef = useFocusFirstField<HTMLElement>();
  const upload = useUploadAttachment(meetingId);
  const remove = useDeleteAttachment(meetingId);
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; filename: string } | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setDone(null);
    upload.mutate({ caseId: c.id, file }, {
      onSuccess: () => {
        setDone(file.name);
        setFile(null);
        if (inputRef.current) inputRef.current.value = '';
      },
    });
  }

  const uploadError = upload.error instanceof Error ? upload.error.message : undefined;
  return (
    <section ref={focusRef} className="panel stack" aria-labelledby="attachments-heading">
      <Heading level={3} data-size="sm" id="attachments-heading" tabIndex={-1}>{t('attachments.heading', { number: c.number })}</Heading>
      {c.attachments.length === 0 ? <Paragraph>{t('attachments.none')}</Paragraph> : (
        <ul className="stack plain-list">
          {c.attachments.map((a) => (
            <li key={a.id} className="actions">
              <Link href={attachmentUrl(a)}>{a.filename}</Link>
              <span className="hit__meta">{formatBytes(a.size)} · {formatDateTime(a.uploadedAt)}</span>
              <Button type="button" variant="tertiary" data-size="sm" data-color="danger"
                onClick={() => { remove.reset(); setDeleting(a); }}>
                {t('common.delete')}<span className="sr-only"> {a.filename}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {deleting ? (
        <ConfirmDialog title={t('attachments.deleteTitle', { name: deleting.filename })} confirmLabel={t('common.delete')}
          confirmName={`${t('common.delete')} ${deleting.filename}`} pending={remove.isPending}
          error={<FormErrors form="attachment-delete" error={remove.error} />}
          onCancel={() => setDeleting(null)}
          onConfirm={() => remove.mutate(deleting.id, {
            onSuccess: () => {
              announce(t('attachments.deleted', { name: deleting.filename }));
              setDeleting(null);
              focusWhenReady('attachments-heading');
            },
          })}>
          <Paragraph>{t('attachments.deleteText', { number: c.number })}</Paragraph>
        </ConfirmDialog>
      ) : null}
      <form onSubmit={submit} className="stack" noValidate>
        <Field>
          <Label htmlFor="attachment-file">{t('attachments.file')}</Label>
          <Field.Description>{t('attachments.hint')}</Field.Description>
          <Input id="attachment-file" ref={inputRef} type="file" name="file" aria-invalid={uploadError ? true : undefined}
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); upload.reset(); setDone(null); }} />
          {uploadError ? <ValidationMessage role="alert">{uploadError}</ValidationMessage> : null}
        </Field>
        {done ? <Paragraph role="status">{t('attachments.uploaded', { name: done })}</Paragraph> : null}
        <div className="actions">
          <Button type="submit" disabled={!file || upload.isPending}>{t('attachments.upload')}</Button>
          <Button type="button" variant="secondary" onClick={onClose}>{t('common.close')}</Button>
        </div>
      </form>
    </section>
  );
}
