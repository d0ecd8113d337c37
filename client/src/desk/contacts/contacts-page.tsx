// /desk/contacts and everything under it: the media list's pages in one table
// of paths, so a link or a reload opens the same page.
import { useLocation } from '../../router';
import type { StaffUser } from '../staff-user';
import { ContactCardPage } from './contact-card';
import { ContactFormPage } from './contact-form';
import { ContactListPage } from './contact-list';
import { DUPLICATES_PATH, IMPORT_PATH, LIST_PATH, NEW_PATH } from './contact-types';
import { DuplicatesPage } from './duplicates-page';
import { ImportWizard } from './import-wizard';
import { MergePage } from './merge-page';
import '../../components/confirm-dialog.css';
import './contacts.css';

export function ContactsPage(_props: { user: StaffUser }) {
  const { path } = useLocation();
  if (path === NEW_PATH) return <ContactFormPage />;
  if (path === IMPORT_PATH) return <ImportWizard />;
  if (path === DUPLICATES_PATH) return <DuplicatesPage />;
  if (!path.startsWith(`${LIST_PATH}/`)) return <ContactListPage />;
  // /desk/contacts/<id>, /<id>/edit, /<id>/merge/<otherId>
  const [id = '', action, otherId] = path.slice(LIST_PATH.length + 1).split('/').map(decodeURIComponent);
  if (action === 'edit') return <ContactFormPage key={id} id={id} />;
  if (action === 'merge' && otherId) return <MergePage key={`${id}/${otherId}`} id={id} otherId={otherId} />;
  return <ContactCardPage key={id} id={id} />;
}
