// The Interviews section's pages: the lists at /desk/interviews, one interview at /desk/interviews/<id>.
import { useLocation } from '../../router';
import type { StaffUser } from '../staff-user';
import { InterviewsListPage } from './interviews-list-page';
import { InterviewPage } from './interview-page';
import './interviews.css';

export function InterviewsSection(_props: { user: StaffUser }) {
  const { path } = useLocation();
  const match = /^\/desk\/interviews\/([^/]+)$/.exec(path);
  if (match) return <InterviewPage key={match[1]} interviewId={decodeURIComponent(match[1]!)} />;
  return <InterviewsListPage />;
}
