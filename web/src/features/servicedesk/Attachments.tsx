// Files on a case: the list (name with download link, size, when, by whom) and the upload. The requester
// and the desk both attach files; the desk may mark one «Intern». The server leaves internal files out of
// the requester's answer and refuses to hand them out, so this page never has them to show.
// The server checks size (413) and type by content (415); its message is shown with a plain heading.
import { Alert, Button, Checkbox, Field, Input, Label, Link as DsLink, Paragraph, Table, Tag, ValidationMessage } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { formatBytes, formatDateTime } from '../../i18n/format';
import { attachmentUrl, useUploadAttachment } from './api';
import { useSdT, type TSdT } from './messages';
import type { TTicket } from './types';
import { DataTable } from '../tables/DataTable';

export function Attachments({ ticket, desk, canUpload }: { ticket: TTicket; desk: boolean; canUpload: boolean }) {
  const t = useSdT();
  return (
    <section className="stack" aria-labelledby="sd-attach-heading">
      <h2 id="sd-attach-heading" style={{ margin: 0 }}>{t('attach.heading')}</h2>
      {ticket.attachments.length === 0 ? <Paragraph>{t('attach.none')}</Paragraph> : (
        <DataTable caption={t('attach.heading')} columns={[t('attach.name'), t('attach.size'), t('attach.date'), t('attach.by')]}>
          {ticket.attachments.map((a) => (
            <Table.Row key={a.id}>
              <Table.Cell>
                <DsLink href={attachmentUrl(a.id)}>{a.filename}</DsLink>
                {a.internal ? <> <Tag data-color="warning" data-size="sm">{t('attach.internalBadge')}</Tag></> : null}
              </Table.Cell>
              <Table.Cell>{formatBytes(a.size)}</Table.Cell>
              <Table.Cell>{formatDateTime(a.uploadedAt)}</Table.Cell>
              <Table.Cell>{a.uploadedByName}</Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      )}
      {canUpload ? <UploadForm ticket={ticket} desk={desk} /> : null}
    </section>
  );
}

/** What the person should read first when the server refuses the file. */
export function refusalHeading(t: TSdT, error: unknown): string {
  if (error instanceof ApiError && error.status === 413) return t('attach.tooLarge');
  if (error instanceof ApiError && error.status === 415) return t('attach.badType');
  return t('attach.failed');
}

function UploadForm({ ticket, desk }: { ticket: TTicket; desk: boolean }) {
  const t = useSdT();
  const upload = useUploadAttachment(ticket.id);
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [internal, setInternal] = useState(false);
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (!file) {
      setMissing(true);
      inputRef.current?.focus();
      return;
    }
    upload.mutate({ file, internal: desk && internal }, {
      onSuccess: () => {
        setDone(file.name);
        setFile(null);
        setInternal(false);
        if (inputRef.current) inputRef.current.value = '';
      },
    });
  };

  return (
    <form className="stack" aria-label={t('attach.file')} onSubmit={submit} noValidate>
      {upload.error ? (
        <Alert data-color="danger" role="alert">
          <Paragraph><strong>{refusalHeading(t, upload.error)}</strong> {upload.error instanceof Error ? upload.error.message : ''}</Paragraph>
        </Alert>
      ) : null}
      <Field>
        <Label htmlFor="sd-attach-file">{t('attach.file')}</Label>
        <Field.Description>{t('attach.hint')}</Field.Description>
        <Input id="sd-attach-file" ref={inputRef} type="file" name="file" aria-invalid={missing || upload.error ? true : undefined}
          onChange={(e) => { setFile(e.target.files?.[0] ?? null); setMissing(false); setDone(null); upload.reset(); }} />
        {missing ? <ValidationMessage role="alert">{t('attach.chooseFile')}</ValidationMessage> : null}
      </Field>
      {desk ? (
        <Checkbox id="sd-attach-internal" name="internal" label={t('attach.internal')} description={t('attach.internalHint')}
          checked={internal} onChange={(e) => setInternal(e.target.checked)} />
      ) : null}
      <div className="actions"><Button type="submit" variant="secondary" loading={upload.isPending}>{t('attach.upload')}</Button></div>
      {done ? <Paragraph role="status">{t('attach.uploaded', { name: done })}</Paragraph> : null}
    </form>
  );
}
